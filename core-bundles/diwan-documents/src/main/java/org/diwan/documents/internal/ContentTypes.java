package org.diwan.documents.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Media types from the content alone: Tika's magic bytes (no file name, no declared type), then a look inside
 * the two container formats whose magic says too little: the entry names of a ZIP (Office Open XML documents,
 * macro-enabled ones, Java archives) and the root CLSID of an OLE2 file (Word, Excel and PowerPoint 97–2003,
 * Windows Installer packages). Legacy Office files carrying macros cannot be told apart without parsing them.
 */
final class ContentTypes {

    static final MediaType ZIP = MediaType.application("zip");
    static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    static final MediaType OLE2 = MediaType.application("x-tika-msoffice");
    static final MediaType JAR = MediaType.application("java-archive");
    static final MediaType APK = MediaType.application("vnd.android.package-archive");
    static final MediaType DOCX = MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType PPTX = MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation");
    static final MediaType DOCM = MediaType.application("vnd.ms-word.document.macroenabled.12");
    static final MediaType XLSM = MediaType.application("vnd.ms-excel.sheet.macroenabled.12");
    static final MediaType PPTM = MediaType.application("vnd.ms-powerpoint.presentation.macroenabled.12");
    static final MediaType MSI = MediaType.application("x-ms-installer");

    /** Refused always, even when a caller names them. */
    private static final Set<MediaType> EXECUTABLES = Set.of(MediaType.application("x-msdownload"), MSI,
            MediaType.application("x-elf"), MediaType.application("x-mach-o-universal"), MediaType.application("java-vm"),
            JAR, MediaType.application("x-java-jnilib"));

    /** Scripts and active content: refused unless the caller names the type. */
    private static final Set<MediaType> ACTIVE = Set.of(MediaType.application("x-sh"), MediaType.application("x-csh"),
            MediaType.application("x-bat"), MediaType.text("javascript"), MediaType.text("x-vbscript"),
            MediaType.text("x-perl"), MediaType.text("x-php"), MediaType.text("x-python"), MediaType.text("x-ruby"),
            MediaType.text("html"), MediaType.application("xhtml+xml"), MediaType.image("svg+xml"),
            MediaType.application("x-shockwave-flash"), MediaType.application("x-java-jnlp-file"), DOCM, XLSM, PPTM);

    /** Root storage CLSIDs of OLE2 files, as stored (the first three fields little-endian). */
    private static final Map<String, MediaType> OLE2_CLASSES = Map.of(
            "84100c0000000000c000000000000046", MSI, // {000C1084-0000-0000-C000-000000000046} installer
            "86100c0000000000c000000000000046", MSI, // {000C1086-…} patch (.msp)
            "82100c0000000000c000000000000046", MSI, // {000C1082-…} transform (.mst)
            "0609020000000000c000000000000046", MediaType.application("msword"), // {00020906-…}
            "2008020000000000c000000000000046", MediaType.application("vnd.ms-excel"), // {00020820-…}
            "1008020000000000c000000000000046", MediaType.application("vnd.ms-excel"), // {00020810-…}
            "108d81649b4fcf1186ea00aa00b929e8", MediaType.application("vnd.ms-powerpoint")); // {64818D10-4F9B-11CF-86EA-00AA00B929E8}

    private final MimeTypes types;
    private final MediaTypeRegistry registry;

    ContentTypes() {
        // Tika's own class loader: tika-mimetypes.xml lives in the tika-core bundle, not in ours.
        this.types = MimeTypes.getDefaultMimeTypes(MimeTypes.class.getClassLoader());
        this.registry = types.getMediaTypeRegistry();
    }

    /** The type of the file's content, without parameters. */
    MediaType detect(Path file) throws IOException {
        MediaType magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = registry.normalize(types.detect(in, new Metadata())).getBaseType();
        }
        if (registry.isInstanceOf(magic, ZIP)) {
            return inZip(file, magic);
        }
        if (magic.equals(OLE2)) {
            return ole2(file, magic);
        }
        return magic;
    }

    /**
     * Whether a detected type may be stored for a caller accepting {@code accepted} (exact types or
     * {@code image/*}); empty accepts all but executables and scripts; a family never admits scripts and active
     * content (SVG, HTML, XHTML), which a caller must name one by one.
     */
    boolean allows(MediaType detected, Set<MediaType> accepted) {
        if (isExecutable(detected)) {
            return false;
        }
        boolean active = isActive(detected);
        if (accepted.isEmpty()) {
            return !active;
        }
        for (MediaType type : accepted) {
            if (type.equals(detected)) {
                return true;
            }
            // a family (image/*) never admits its active members (image/svg+xml): only naming one does
            if ("*".equals(type.getSubtype()) && type.getType().equals(detected.getType()) && !active) {
                return true;
            }
        }
        return false;
    }

    boolean isExecutable(MediaType type) {
        return type.getSubtype().startsWith("x-mach-o") || EXECUTABLES.stream().anyMatch(e -> registry.isInstanceOf(type, e));
    }

    boolean isActive(MediaType type) {
        return ACTIVE.stream().anyMatch(a -> registry.isInstanceOf(type, a));
    }

    /** A caller's accepted type, normalised (aliases, case, no parameters). */
    MediaType accepted(String name) {
        MediaType type = MediaType.parse(name == null ? null : name.strip().toLowerCase(Locale.ROOT));
        if (type == null || "*".equals(type.getType())) {
            throw new IllegalArgumentException("not a media type: " + name);
        }
        return "*".equals(type.getSubtype()) ? type.getBaseType() : registry.normalize(type).getBaseType();
    }

    private static MediaType inZip(Path file, MediaType magic) {
        Set<String> names = new HashSet<>();
        boolean macros = false;
        boolean classes = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                String lower = name.toLowerCase(Locale.ROOT);
                macros |= lower.endsWith("vbaproject.bin");
                classes |= lower.endsWith(".class");
                names.add(name);
            }
        } catch (IOException | IllegalArgumentException e) {
            return magic; // not readable as a ZIP after all (or names in no known charset): keep the magic's word
        }
        if (names.contains("AndroidManifest.xml") && names.contains("classes.dex")) {
            return APK;
        }
        if (classes || names.contains("META-INF/MANIFEST.MF")) {
            return JAR;
        }
        if (!magic.equals(ZIP) && !magic.equals(OOXML)) {
            return magic; // ODF, EPUB and the like name themselves in their first entry
        }
        if (names.contains("[Content_Types].xml")) {
            if (names.contains("word/document.xml")) {
                return macros ? DOCM : DOCX;
            }
            if (names.contains("xl/workbook.xml") || names.contains("xl/workbook.bin")) {
                return macros ? XLSM : XLSX;
            }
            if (names.contains("ppt/presentation.xml")) {
                return macros ? PPTM : PPTX;
            }
        }
        return magic;
    }

    /** Reads the CLSID of the root storage: the first directory entry, at offset 0x50. */
    private static MediaType ole2(Path file, MediaType magic) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
            if (channel.read(header, 0) < 512) {
                return magic;
            }
            int sectorShift = header.getShort(0x1E) & 0xFFFF;
            long directorySector = header.getInt(0x30) & 0xFFFF_FFFFL;
            if ((sectorShift != 9 && sectorShift != 12) || directorySector >= 0xFFFF_FFFAL) {
                return magic;
            }
            ByteBuffer clsid = ByteBuffer.allocate(16);
            if (channel.read(clsid, ((directorySector + 1) << sectorShift) + 0x50) < 16) {
                return magic;
            }
            return OLE2_CLASSES.getOrDefault(HexFormat.of().formatHex(clsid.array()), magic);
        }
    }
}
