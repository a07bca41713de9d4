package org.diwan.security.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP server (Debian's slapd, installed by test.sh) on a free loopback port, with a small
 * directory: samira (in diwan-admins and registry), omar (in no mapped group).
 */
final class Slapd implements AutoCloseable {

    static final String BASE = "dc=diwan,dc=test";
    static final Path SLAPD = Path.of("/usr/sbin/slapd");
    static final Path SLAPADD = Path.of("/usr/sbin/slapadd");

    private final Process process;
    private final int port;

    private Slapd(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Slapd start(Path folder) throws IOException, InterruptedException {
        if (!Files.isExecutable(SLAPD) || !Files.isExecutable(SLAPADD)) {
            throw new IllegalStateException("slapd is needed for the LDAP tests: run ./test.sh, which installs it");
        }
        Path db = Files.createDirectories(folder.resolve("db"));
        Path conf = Files.writeString(folder.resolve("slapd.conf"), String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + folder.resolve("slapd.pid"),
                "database mdb",
                "suffix \"" + BASE + "\"",
                "rootdn \"cn=admin," + BASE + "\"",
                "rootpw root-secret-for-tests",
                "directory " + db, ""));
        Path ldif = Files.writeString(folder.resolve("data.ldif"), String.join("\n",
                "dn: " + BASE, "objectClass: dcObject", "objectClass: organization", "o: Diwan test", "dc: diwan", "",
                "dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people", "",
                "dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups", "",
                "dn: uid=samira,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: samira", "cn: سميرة الحسن",
                "sn: الحسن", "userPassword: lanterns over cairo", "",
                "dn: uid=omar,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: omar", "cn: Omar", "sn: Omar",
                "userPassword: dunes at sunset", "",
                "dn: cn=diwan-admins,ou=groups," + BASE, "objectClass: groupOfNames", "cn: diwan-admins",
                "member: uid=samira,ou=people," + BASE, "",
                "dn: cn=registry,ou=groups," + BASE, "objectClass: groupOfNames", "cn: registry",
                "member: uid=samira,ou=people," + BASE, ""));
        Process load = new ProcessBuilder(SLAPADD.toString(), "-f", conf.toString(), "-l", ldif.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("slapadd.log").toFile()).start();
        if (!load.waitFor(30, TimeUnit.SECONDS) || load.exitValue() != 0) {
            throw new IOException("slapadd failed: " + Files.readString(folder.resolve("slapadd.log")));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process slapd = new ProcessBuilder(SLAPD.toString(), "-f", conf.toString(), "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0")
                .redirectErrorStream(true).redirectOutput(folder.resolve("slapd.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!answers(port)) {
            if (Instant.now().isAfter(deadline) || !slapd.isAlive()) {
                slapd.destroyForcibly();
                throw new IOException("slapd did not start: " + Files.readString(folder.resolve("slapd.log")));
            }
            slapd.waitFor(100, TimeUnit.MILLISECONDS);
        }
        return new Slapd(slapd, port);
    }

    String url() {
        return "ldap://127.0.0.1:" + port;
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
