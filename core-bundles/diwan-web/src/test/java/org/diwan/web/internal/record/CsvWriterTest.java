package org.diwan.web.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        assertThat(CsvWriter.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvWriter.cell("+966 11 000")).isEqualTo("'+966 11 000");
        assertThat(CsvWriter.cell("-5")).isEqualTo("'-5");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("بعثة القاهرة")).isEqualTo("بعثة القاهرة");
    }

    @Test
    void quotesCommasLineBreaksAndArabicAreKeptWholeAfterAByteOrderMark() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter.write(List.of(List.of("name", "note"), List.of("بعثة، باريس", "say \"hi\"\nthen go")), out);
        assertThat(out.toString()).isEqualTo("\uFEFFname,note\r\nبعثة، باريس,\"say \"\"hi\"\"\nthen go\"\r\n");
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
    }
}
