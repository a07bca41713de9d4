package org.diwan.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files, built by hand. */
final class Samples {

    private Samples() {
    }

    /** A one-page PDF with its cross-reference table. */
    static byte[] pdf() {
        String body = "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n";
        int xref = body.length();
        String pdf = body + "xref\n0 4\n0000000000 65535 f \n"
                + String.format("%010d 00000 n \n", body.indexOf("1 0 obj"))
                + String.format("%010d 00000 n \n", body.indexOf("2 0 obj"))
                + String.format("%010d 00000 n \n", body.indexOf("3 0 obj"))
                + "trailer << /Size 4 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of a Windows executable: DOS header, stub, PE signature. */
    static byte[] exe() {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z');
        b.putInt(0x3C, 0x80); // e_lfanew
        b.put(0x4E, "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII));
        b.put(0x80, (byte) 'P').put(0x81, (byte) 'E');
        b.putShort(0x84, (short) 0x14C); // i386
        return b.array();
    }

    /** An eight-by-eight PNG header, enough for its magic. */
    static byte[] png() {
        return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 8,
                0, 0, 0, 8, 8, 2, 0, 0, 0 };
    }

    static byte[] zip(String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] docx() {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    }

    static byte[] docm() {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/vbaProject.bin");
    }

    /** An OLE2 compound file header whose root storage carries the given CLSID (as stored, 16 bytes). */
    static byte[] ole2(byte[] clsid) {
        ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 });
        b.putShort(0x1A, (short) 3).putShort(0x1C, (short) 0xFFFE).putShort(0x1E, (short) 9);
        b.putInt(0x30, 0); // first directory sector
        b.put(512, "Root Entry".getBytes(StandardCharsets.UTF_16LE));
        b.put(512 + 0x50, clsid);
        return b.array();
    }

    /** {000C1084-0000-0000-C000-000000000046}: a Windows Installer package. */
    static byte[] msi() {
        return ole2(new byte[] { (byte) 0x84, 0x10, 0x0C, 0, 0, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0x46 });
    }

    /** {00020906-0000-0000-C000-000000000046}: a Word 97–2003 document. */
    static byte[] doc() {
        return ole2(new byte[] { 0x06, 0x09, 0x02, 0, 0, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0x46 });
    }
}
