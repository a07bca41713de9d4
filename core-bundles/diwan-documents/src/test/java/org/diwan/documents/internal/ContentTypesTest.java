package org.diwan.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTypesTest {

    @TempDir
    Path folder;

    private final ContentTypes types = new ContentTypes();

    @Test
    void detectsFromTheBytesWhateverTheName() throws IOException {
        assertThat(detect("report.pdf", Samples.exe())).isEqualTo("application/x-msdownload");
        assertThat(detect("setup.exe", Samples.pdf())).isEqualTo("application/pdf");
        assertThat(detect("photo.txt", Samples.png())).isEqualTo("image/png");
        assertThat(detect("note.pdf", "مرحبا\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
    }

    @Test
    void looksInsideZipAndOle2Containers() throws IOException {
        assertThat(detect("a.zip", Samples.docx())).isEqualTo(ContentTypes.DOCX.toString());
        assertThat(detect("a.docx", Samples.docm())).isEqualTo(ContentTypes.DOCM.toString());
        assertThat(detect("a.zip", Samples.zip("Main.class", "META-INF/MANIFEST.MF"))).isEqualTo("application/java-archive");
        assertThat(detect("a.docx", Samples.zip("notes.txt"))).isEqualTo("application/zip");
        assertThat(detect("a.doc", Samples.msi())).isEqualTo("application/x-ms-installer");
        assertThat(detect("a.msi", Samples.doc())).isEqualTo("application/msword");
    }

    @Test
    void refusesExecutablesAlwaysAndScriptsUnlessNamed() {
        Set<MediaType> any = Set.of();
        assertThat(types.allows(MediaType.parse("application/x-msdownload"), Set.of(MediaType.parse("application/x-msdownload")))).isFalse();
        assertThat(types.allows(MediaType.parse("application/x-dosexec"), any)).isFalse();
        assertThat(types.allows(MediaType.parse("application/x-executable"), any)).isFalse();
        assertThat(types.allows(MediaType.parse("application/x-mach-o-executable"), any)).isFalse();
        assertThat(types.allows(ContentTypes.MSI, any)).isFalse();
        assertThat(types.allows(ContentTypes.APK, any)).isFalse();

        assertThat(types.allows(MediaType.parse("application/x-sh"), any)).isFalse();
        assertThat(types.allows(MediaType.parse("text/html"), any)).isFalse();
        assertThat(types.allows(MediaType.parse("image/svg+xml"), any)).isFalse();
        assertThat(types.allows(ContentTypes.DOCM, any)).isFalse();
        assertThat(types.allows(MediaType.parse("image/svg+xml"), Set.of(types.accepted("image/svg+xml")))).isTrue();

        assertThat(types.allows(MediaType.parse("application/pdf"), any)).isTrue();
        assertThat(types.allows(MediaType.parse("application/octet-stream"), any)).isTrue();
    }

    @Test
    void matchesAcceptedTypesExactlyOrByFamily() {
        assertThat(types.allows(MediaType.parse("image/png"), Set.of(types.accepted("image/*")))).isTrue();
        assertThat(types.allows(MediaType.parse("application/pdf"), Set.of(types.accepted("image/*")))).isFalse();
        assertThat(types.allows(MediaType.parse("application/pdf"), Set.of(types.accepted(" Application/PDF ")))).isTrue();
        assertThat(types.allows(MediaType.parse("application/x-bat"), Set.of(types.accepted("text/plain")))).isFalse();
        assertThatThrownBy(() -> types.accepted("*/*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> types.accepted("pdf")).isInstanceOf(IllegalArgumentException.class);
    }

    private String detect(String name, byte[] content) throws IOException {
        Path file = Files.write(folder.resolve(name), content);
        return types.detect(file).toString();
    }

    @Test
    void aFamilyNeverAdmitsItsActiveMembers() {
        Set<MediaType> images = Set.of(types.accepted("image/*"));
        assertThat(types.allows(MediaType.parse("image/svg+xml"), images)).isFalse();
        assertThat(types.allows(MediaType.parse("text/html"), Set.of(types.accepted("text/*")))).isFalse();
        assertThat(types.allows(MediaType.parse("text/plain"), Set.of(types.accepted("text/*")))).isTrue();
        assertThat(types.allows(MediaType.parse("application/xhtml+xml"), Set.of(types.accepted("application/*")))).isFalse();
        assertThat(types.allows(MediaType.parse("image/svg+xml"), Set.of(types.accepted("image/*"), types.accepted("image/svg+xml")))).isTrue();
    }
}
