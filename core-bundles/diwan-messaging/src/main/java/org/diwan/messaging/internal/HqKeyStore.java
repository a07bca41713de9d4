package org.diwan.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headquarters' TLS identity for the link, in {@code <journal folder>/link/}: {@value #KEYSTORE} (PKCS12, the
 * private key and its certificate), {@value #PASSWORD_FILE} (the keystore's password) and {@value #PEM} (the
 * certificate alone, which every mission gets at enrolment and pins).
 *
 * <p>At the first start it makes a self-signed EC key (secp256r1, ten years) with the JDK's own {@code keytool}:
 * its name (CN and subject alternative names) is the host of the public address, plus {@code localhost} and
 * {@code 127.0.0.1}. Later starts reuse the keystore as it is. <b>To replace the certificate</b> (with one from the
 * organisation's CA, or a new key), stop the node, put a PKCS12 keystore with one private key entry at
 * {@value #KEYSTORE} and its password in {@value #PASSWORD_FILE} (one line, mode 600), start it again, and hand
 * every mission the new {@value #PEM}: missions trust exactly the certificate they were given, so an old one stops
 * their link until they get the new one.
 */
final class HqKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(HqKeyStore.class);

    static final String KEYSTORE = "hq-keystore.p12";
    static final String PASSWORD_FILE = "hq-keystore.pass";
    static final String PEM = "hq-certificate.pem";
    private static final String ALIAS = "diwan-hq";
    private static final String VALIDITY_DAYS = "3650";
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);
    /** keytool reads the password from this variable of its own environment: not on a command line others can list. */
    private static final String PASSWORD_VARIABLE = "DIWAN_KEYSTORE_PASSWORD";

    private final Path keyStore;
    private final String password;
    private final String pem;

    private HqKeyStore(Path keyStore, String password, String pem) {
        this.keyStore = keyStore;
        this.password = password;
        this.pem = pem;
    }

    Path path() {
        return keyStore;
    }

    String password() {
        return password;
    }

    /** The certificate in PEM, as written to {@value #PEM}. */
    String pem() {
        return pem;
    }

    static HqKeyStore loadOrCreate(Path linkFolder, LinkSettings.HostPort publicAddress) throws IOException, GeneralSecurityException {
        PrivateFiles.folder(linkFolder);
        Path keyStore = linkFolder.resolve(KEYSTORE);
        Path passwordFile = linkFolder.resolve(PASSWORD_FILE);
        String password;
        if (Files.exists(keyStore, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(passwordFile, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(keyStore + " has no password file " + passwordFile + ": put its password there");
            }
            password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        } else {
            password = PrivateFiles.newSecret();
            generate(linkFolder, keyStore, password, publicAddress);
            // The password first: a crash between the two leaves a password without a keystore, which the next
            // start replaces, never a keystore nobody can open.
            PrivateFiles.write(passwordFile, (password + "\n").getBytes(StandardCharsets.UTF_8));
            PrivateFiles.move(linkFolder.resolve(KEYSTORE + ".new"), keyStore);
            LOG.info("Link key and self-signed certificate for {} created in {}", publicAddress.bareHost(), keyStore);
        }
        String pem = Pem.encode(certificate(keyStore, password));
        // Rewritten at every start, so it always matches the keystore, an administrator's replacement included.
        Path pemFile = linkFolder.resolve(PEM);
        if (!Files.exists(pemFile) || !Files.readString(pemFile, StandardCharsets.US_ASCII).equals(pem)) {
            PrivateFiles.write(pemFile, pem.getBytes(StandardCharsets.US_ASCII));
        }
        return new HqKeyStore(keyStore, password, pem);
    }

    /** The certificate of the keystore's first private key: the one the TLS acceptor presents. */
    static Certificate certificate(Path keyStore, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) != null) {
                return store.getCertificate(alias);
            }
        }
        throw new GeneralSecurityException(keyStore + " holds no private key with a certificate");
    }

    /** Runs keytool (no shell: every argument is passed as it is) into {@code <keystore>.new}. */
    private static void generate(Path folder, Path keyStore, String password, LinkSettings.HostPort publicAddress) throws IOException {
        Path target = folder.resolve(KEYSTORE + ".new");
        Files.deleteIfExists(target);
        String host = publicAddress.bareHost();
        List<String> names = new ArrayList<>(List.of((publicAddress.isIpAddress() ? "ip:" : "dns:") + host));
        if (!host.equals("localhost")) {
            names.add("dns:localhost");
        }
        if (!host.equals("127.0.0.1")) {
            names.add("ip:127.0.0.1");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt",
                "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-validity", VALIDITY_DAYS,
                "-dname", "CN=" + host + ", O=Diwan",
                "-ext", "SAN=" + String.join(",", names),
                "-storetype", "PKCS12", "-keystore", target.toString(),
                "-storepass:env", PASSWORD_VARIABLE);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        try {
            // keytool says at most a few lines: the pipe never fills, so reading after the wait cannot block it.
            if (!process.waitFor(KEYTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made the link's key", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0 || !Files.isRegularFile(target)) {
            Files.deleteIfExists(target);
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + output);
        }
        PrivateFiles.restrict(target);
    }
}
