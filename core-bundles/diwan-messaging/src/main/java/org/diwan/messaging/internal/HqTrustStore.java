package org.diwan.messaging.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A mission's truststore for the link: {@code <journal folder>/link/}{@value #FILE_NAME}, PKCS12, holding only the
 * certificate(s) of headquarters' PEM file. Rebuilt from the PEM at every start, so replacing the PEM and
 * restarting is all a new headquarters certificate takes; its password is made anew each time and lives only in
 * memory.
 */
final class HqTrustStore {

    static final String FILE_NAME = "hq-truststore.p12";

    private HqTrustStore() {
    }

    /** Builds the truststore from {@code pemFile}; returns its path. */
    static Path build(Path pemFile, Path linkFolder, String password) throws IOException, GeneralSecurityException {
        String pem;
        try {
            pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(pemFile.toString(), null, "headquarters' certificate is missing: copy the PEM of the enrolment there");
        }
        List<X509Certificate> certificates;
        try {
            certificates = Pem.decode(pem);
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(pemFile + " is not a PEM certificate: " + e.getMessage(), e);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("diwan-hq-" + i, certificates.get(i));
        }
        PrivateFiles.folder(linkFolder);
        Path file = linkFolder.resolve(FILE_NAME);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password.toCharArray());
        PrivateFiles.write(file, bytes.toByteArray());
        return file;
    }
}
