package org.diwan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.StoredDocument;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final Set<String> PDF = Set.of("application/pdf");
    private static final Set<String> ANY = Set.of();

    @TempDir
    Path folder;

    private TestDatabase database;
    private DataSource dataSource;
    private Path storage;
    private DocumentService documents;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        dataSource = database.migrate("documents");
        storage = folder.resolve("documents");
        documents = new DocumentService(dataSource, storage, 64 * 1024, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void storesFindsAndOpensADocumentWithAnArabicName() throws Exception {
        byte[] pdf = Samples.pdf();
        StoredDocument stored = documents.store("missions", "مذكرة سفارة القاهرة.pdf", new ByteArrayInputStream(pdf), PDF, "hassan");

        assertThat(UUID.fromString(stored.id())).isNotNull();
        assertThat(stored).isEqualTo(new StoredDocument(stored.id(), "missions", "مذكرة سفارة القاهرة.pdf", "application/pdf",
                pdf.length, sha256(pdf), NOW, "hassan"));
        assertThat(documents.find(stored.id())).contains(stored);
        try (InputStream in = documents.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(documents.contentPath(stored.sha256()))
                .isEqualTo(storage.resolve("sha256").resolve(stored.sha256().substring(0, 2))
                        .resolve(stored.sha256().substring(2, 4)).resolve(stored.sha256()));
    }

    @Test
    void aCopyFromAnotherNodeKeepsItsIdOnceAndADamagedCopyIsRefused() throws Exception {
        byte[] pdf = Samples.pdf();
        StoredDocument original = new StoredDocument("6f1c1d9e-0d1a-4a52-9d2e-7e3b8f1a2c3d", "missions", "تقرير البعثة.pdf",
                "application/pdf", pdf.length, sha256(pdf), NOW, "amina");

        byte[] damaged = pdf.clone();
        damaged[damaged.length / 2] ^= 1;
        assertThatThrownBy(() -> documents.storeCopy(original, new ByteArrayInputStream(damaged)))
                .isInstanceOfSatisfying(DocumentRefused.class, e -> assertThat(e.messageKey()).isEqualTo(DocumentRefused.MISMATCH));
        assertThat(documents.find(original.id())).isEmpty();
        assertThat(temporaryFiles()).isZero();

        StoredDocument copy = documents.storeCopy(original, new ByteArrayInputStream(pdf));
        assertThat(copy).isEqualTo(original);
        assertThat(documents.storeCopy(original, new ByteArrayInputStream(pdf))).as("a second delivery").isEqualTo(original);
        assertThat(rows()).isEqualTo(1);
        try (InputStream in = documents.open(original.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void keepsTheSameContentOnceOnDiskUnderTwoIds() throws Exception {
        StoredDocument first = documents.store("missions", "a.pdf", new ByteArrayInputStream(Samples.pdf()), PDF, "hassan");
        StoredDocument second = documents.store("library", "b.pdf", new ByteArrayInputStream(Samples.pdf()), ANY, "mona");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(contentFiles()).containsExactly(documents.contentPath(first.sha256()));
        assertThat(rows()).isEqualTo(2);
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void refusesAnUploadOverTheLimitWhileReadingAndKeepsNothing() throws Exception {
        CountingStream endless = new CountingStream(10L * 1024 * 1024);

        assertThatThrownBy(() -> documents.store("missions", "big.pdf", endless, ANY, "hassan"))
                .isInstanceOfSatisfying(DocumentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("documents.refused.too-large");
                    assertThat(e.args()).containsExactly(64L * 1024);
                });
        assertThat(endless.read).isEqualTo(64 * 1024 + 1);
        assertThat(temporaryFiles()).isZero();
        assertThat(contentFiles()).isEmpty();
        assertThat(rows()).isZero();
    }

    @Test
    void acceptsContentOfExactlyTheLimit() throws Exception {
        byte[] text = "ا".repeat(32 * 1024).getBytes(StandardCharsets.UTF_8);
        assertThat(text).hasSize(64 * 1024);
        assertThat(documents.store("missions", "a.txt", new ByteArrayInputStream(text), ANY, "hassan").size()).isEqualTo(64 * 1024);
    }

    @Test
    void refusesAnExecutableRenamedPdfEvenWhenItsTypeIsNamed() {
        for (Set<String> accepted : Set.of(PDF, ANY, Set.of("application/x-msdownload", "application/x-dosexec"))) {
            assertThatThrownBy(() -> documents.store("missions", "invoice.pdf", new ByteArrayInputStream(Samples.exe()), accepted, "hassan"))
                    .isInstanceOfSatisfying(DocumentRefused.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("documents.refused.type");
                        assertThat(e.args()).containsExactly("application/x-msdownload");
                    });
        }
        assertThat(rows()).isZero();
        assertThat(contentFiles()).isEmpty();
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void refusesAPdfWhereOnlyImagesAreAcceptedAndAScriptWhereAnythingIs() {
        assertThatThrownBy(() -> documents.store("library", "scan.png", new ByteArrayInputStream(Samples.pdf()), Set.of("image/*"), "mona"))
                .isInstanceOfSatisfying(DocumentRefused.class, e -> assertThat(e.args()).containsExactly("application/pdf"));
        byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> documents.store("library", "notes.txt", new ByteArrayInputStream(script), ANY, "mona"))
                .isInstanceOfSatisfying(DocumentRefused.class, e -> assertThat(e.messageKey()).isEqualTo(DocumentRefused.TYPE));
    }

    @Test
    void refusesAnSvgWithScriptWhereImagesAreAccepted() {
        byte[] svg = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>fetch('/admin/users')</script><rect width=\"10\" height=\"10\"/></svg>\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> documents.store("library", "logo.png", new ByteArrayInputStream(svg), Set.of("image/*", "application/pdf"), "mona"))
                .isInstanceOfSatisfying(DocumentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(DocumentRefused.TYPE);
                    assertThat(e.args()).containsExactly("image/svg+xml");
                });
        assertThat(rows()).isZero();
    }

    @Test
    void refusesEmptyContent() {
        assertThatThrownBy(() -> documents.store("missions", "empty.pdf", InputStream.nullInputStream(), ANY, "hassan"))
                .isInstanceOfSatisfying(DocumentRefused.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("documents.refused.empty");
                    assertThat(e.args()).isEmpty();
                });
        assertThat(rows()).isZero();
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void cleansTheFileNameForDisplayAndRefusesOneWithNothingLeft() throws Exception {
        StoredDocument stored = documents.store("missions", "../../etc/\u202Efdp.exe\u0000.pdf",
                new ByteArrayInputStream(Samples.pdf()), PDF, "hassan");
        assertThat(stored.fileName()).isEqualTo("fdp.exe.pdf");
        assertThat(documents.find(stored.id()).orElseThrow().fileName()).isEqualTo("fdp.exe.pdf");

        assertThatThrownBy(() -> documents.store("missions", "../..", new ByteArrayInputStream(Samples.pdf()), PDF, "hassan"))
                .isInstanceOfSatisfying(DocumentRefused.class, e -> assertThat(e.messageKey()).isEqualTo("documents.refused.name"));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void answersAnUnknownIdWithAClearException() {
        String unknown = UUID.randomUUID().toString();
        assertThat(documents.find(unknown)).isEmpty();
        assertThat(documents.find("../../etc/passwd")).isEmpty();
        assertThatThrownBy(() -> documents.open(unknown)).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no document with id " + unknown);
        assertThatThrownBy(() -> documents.open("../../etc/passwd")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void refusesAnOwnerThatIsNoPluginId() {
        assertThatThrownBy(() -> documents.store("../missions", "a.pdf", new ByteArrayInputStream(Samples.pdf()), PDF, "hassan"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletesUploadsLeftOverByAStopOnlyOnceTheyAreStale() throws Exception {
        Path tmp = documents.temporaryFolder();
        Path stale = Files.createFile(tmp.resolve("upload-1.part"));
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(NOW.minusSeconds(2 * 86_400)));
        Path fresh = Files.createFile(tmp.resolve("upload-2.part"));
        Files.setLastModifiedTime(fresh, java.nio.file.attribute.FileTime.from(NOW.minusSeconds(60)));

        new DocumentService(dataSource, storage, 1024, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void storesUnderTheDataFolderUnlessConfigured() {
        assertThat(DocumentService.storageFolder("", "/opt/diwan/data")).isEqualTo(Path.of("/opt/diwan/data/documents"));
        assertThat(DocumentService.storageFolder("/srv/documents", "/opt/diwan/data")).isEqualTo(Path.of("/srv/documents"));
        assertThatThrownBy(() -> DocumentService.storageFolder("", null)).isInstanceOf(IllegalStateException.class);
    }

    private int rows() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM document")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<Path> contentFiles() {
        try (Stream<Path> files = Files.walk(storage.resolve("sha256"))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long temporaryFiles() {
        try (Stream<Path> files = Files.list(documents.temporaryFolder())) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** A long stream of zeros after a PDF header that counts what was read from it. */
    private static final class CountingStream extends InputStream {
        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            read += n;
            return n;
        }
    }
}
