package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerCredentialsTest {

    @TempDir
    Path folder;

    @Test
    void makesA32BytePasswordInAnOwnerOnlyFileAndReadsItBack() throws IOException {
        BrokerCredentials first = BrokerCredentials.loadOrCreate(folder);
        Path file = folder.resolve(BrokerCredentials.FILE_NAME);

        assertThat(first.user()).isEqualTo(BrokerCredentials.USER);
        assertThat(first.password()).hasSize(43);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(BrokerCredentials.OWNER_ONLY);
        assertThat(BrokerCredentials.loadOrCreate(folder).password()).isEqualTo(first.password());
        assertThat(first.toString()).doesNotContain(first.password());
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void replacesAPasswordOthersCouldRead() throws IOException {
        String first = BrokerCredentials.loadOrCreate(folder).password();
        Path file = folder.resolve(BrokerCredentials.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(BrokerCredentials.loadOrCreate(folder).password()).isNotEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(BrokerCredentials.OWNER_ONLY);
    }

    @Test
    void replacesADamagedFile() throws IOException {
        Path file = folder.resolve(BrokerCredentials.FILE_NAME);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(BrokerCredentials.OWNER_ONLY));
        Files.writeString(file, "admin\n");

        String password = BrokerCredentials.loadOrCreate(folder).password();
        assertThat(password).hasSize(43).isNotEqualTo("admin");
        assertThat(Files.readString(file).strip()).isEqualTo(password);
    }

    @Test
    void refusesALinkInPlaceOfTheFile() throws IOException {
        Path elsewhere = Files.writeString(folder.resolve("elsewhere"), "x");
        Files.createSymbolicLink(folder.resolve(BrokerCredentials.FILE_NAME), elsewhere);

        assertThatThrownBy(() -> BrokerCredentials.loadOrCreate(folder)).isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
    }
}
