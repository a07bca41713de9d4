package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissionAccountsTest {

    @TempDir
    Path folder;
    private Path file;
    private MissionAccounts accounts;

    @BeforeEach
    void open() throws Exception {
        file = folder.resolve(MissionAccounts.FILE_NAME);
        accounts = new MissionAccounts(file);
    }

    @Test
    void enrolledMissionsLogInWithTheirSecretOnly() throws Exception {
        String kabul = accounts.enrol("KBL");
        String amman = accounts.enrol("AMM");

        assertThat(accounts.authenticate("KBL", kabul)).isTrue();
        assertThat(accounts.authenticate("AMM", amman)).isTrue();
        assertThat(accounts.authenticate("KBL", amman)).isFalse();
        assertThat(accounts.authenticate("KBL", kabul + "x")).isFalse();
        assertThat(accounts.authenticate("OTHER", kabul)).isFalse();
        assertThat(accounts.authenticate(null, kabul)).isFalse();
        assertThat(accounts.authenticate("KBL", null)).isFalse();
        assertThat(accounts.codes()).containsExactly("AMM", "KBL");
        assertThat(Files.readString(file)).doesNotContain(kabul).doesNotContain(amman);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PrivateFiles.OWNER_ONLY);
        // another instance reads the same file: nothing lives only in memory
        assertThat(new MissionAccounts(file).authenticate("KBL", kabul)).isTrue();
    }

    @Test
    void sameSecretHashesDifferentlyPerMission() throws Exception {
        accounts.enrol("KBL");
        accounts.enrol("AMM");
        String[] lines = Files.readString(file).lines().filter(line -> !line.startsWith("#")).toArray(String[]::new);
        assertThat(lines).hasSize(2);
        assertThat(lines[0].substring(4, 36)).isNotEqualTo(lines[1].substring(4, 36)); // salts differ
    }

    @Test
    void reEnrolmentAndRevocationEndTheOldSecret() throws Exception {
        String first = accounts.enrol("KBL");
        String second = accounts.enrol("KBL");
        assertThat(accounts.authenticate("KBL", first)).isFalse();
        assertThat(accounts.authenticate("KBL", second)).isTrue();
        assertThat(accounts.revoke("KBL")).isTrue();
        assertThat(accounts.revoke("KBL")).isFalse();
        assertThat(accounts.authenticate("KBL", second)).isFalse();
        assertThat(accounts.codes()).isEmpty();
    }

    @Test
    void followsEditsByHandAndSkipsDamagedLines() throws Exception {
        String kabul = accounts.enrol("KBL");
        String amman = accounts.enrol("AMM");
        String kept = Files.readString(file).lines().filter(line -> line.startsWith("KBL=")).findFirst().orElseThrow();
        Files.writeString(file, "# edited\nbroken line\nlower=00:11\nAMM=zz:zz\n" + kept + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(accounts.authenticate("KBL", kabul)).isTrue();
        assertThat(accounts.authenticate("AMM", amman)).isFalse();
        assertThat(accounts.codes()).containsExactly("KBL");

        Files.delete(file);
        assertThat(accounts.authenticate("KBL", kabul)).isFalse();
    }

    @Test
    void refusesCodesThatAreNotMissionCodes() {
        assertThatThrownBy(() -> accounts.enrol("kbl")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.enrol("KBL=00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.enrol("KBL\nAMM")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstLoginAfterEnrolmentBindsTheMissionToItsNodeSoTheSecretAloneOpensNothingElsewhere() throws Exception {
        String secret = accounts.enrol("KBL");
        String own = PrivateFiles.newSecret();
        String impostor = PrivateFiles.newSecret();

        assertThat(accounts.login("KBL", secret)).isEqualTo(MissionAccounts.Login.NO_NODE_KEY);
        assertThat(accounts.login("KBL", MissionCredential.join(secret, own))).isEqualTo(MissionAccounts.Login.ACCEPTED);
        assertThat(accounts.login("KBL", MissionCredential.join(secret, own))).isEqualTo(MissionAccounts.Login.ACCEPTED);
        assertThat(accounts.login("KBL", MissionCredential.join(secret, impostor))).isEqualTo(MissionAccounts.Login.OTHER_NODE);
        assertThat(accounts.login("KBL", MissionCredential.join(secret + "x", own))).isEqualTo(MissionAccounts.Login.WRONG_SECRET);
        assertThat(accounts.login("KBL", null)).isEqualTo(MissionAccounts.Login.WRONG_SECRET);
        // the binding is in the file, not only in memory, and holds neither the secret nor the key
        assertThat(new MissionAccounts(file).login("KBL", MissionCredential.join(secret, impostor))).isEqualTo(MissionAccounts.Login.OTHER_NODE);
        assertThat(Files.readString(file)).doesNotContain(secret).doesNotContain(own).containsPattern("(?m)^KBL=[0-9a-f]{32}:[0-9a-f]{64}:[0-9a-f]{64}$");
    }

    @Test
    void enrollingAgainBindsTheNewSecretToWhicheverNodeLogsInFirst() throws Exception {
        String first = accounts.enrol("KBL");
        String leakedNode = PrivateFiles.newSecret();
        assertThat(accounts.login("KBL", MissionCredential.join(first, leakedNode))).isEqualTo(MissionAccounts.Login.ACCEPTED);

        String second = accounts.enrol("KBL");
        String realNode = PrivateFiles.newSecret();
        assertThat(accounts.login("KBL", MissionCredential.join(first, leakedNode))).isEqualTo(MissionAccounts.Login.WRONG_SECRET);
        assertThat(accounts.login("KBL", MissionCredential.join(second, realNode))).isEqualTo(MissionAccounts.Login.ACCEPTED);
        assertThat(accounts.login("KBL", MissionCredential.join(second, leakedNode))).isEqualTo(MissionAccounts.Login.OTHER_NODE);
    }
}
