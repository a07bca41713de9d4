package org.diwan.messaging.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** Certificates to and from PEM text: what headquarters hands a mission at enrolment and the mission trusts. */
final class Pem {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private Pem() {
    }

    static String encode(Certificate certificate) throws CertificateException {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return BEGIN + "\n" + encoder.encodeToString(certificate.getEncoded()) + "\n" + END + "\n";
    }

    /**
     * The X.509 certificates in {@code text}, at least one.
     *
     * @throws GeneralSecurityException when there is none or the text is not PEM
     */
    static List<X509Certificate> decode(String text) throws GeneralSecurityException {
        if (text == null || !text.contains(BEGIN)) {
            throw new CertificateException("no '" + BEGIN + "' block");
        }
        Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : read) {
            certificates.add((X509Certificate) certificate);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate in the PEM text");
        }
        return certificates;
    }
}
