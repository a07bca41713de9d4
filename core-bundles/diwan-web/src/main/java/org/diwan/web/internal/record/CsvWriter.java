package org.diwan.web.internal.record;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV as spreadsheets open it: a byte order mark so that Excel reads Arabic as UTF-8, CRLF line ends, and
 * cells that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, CR) written as
 * text: a record's title is data, never a command (CSV injection).
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static void write(List<List<String>> rows, Writer out) throws IOException {
        out.write('\uFEFF');
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(row.get(i)));
            }
            out.write("\r\n");
        }
        out.flush();
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
