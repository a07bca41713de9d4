package org.diwan.library.internal.oai;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks resumption tokens: {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))}, with
 * the node's own key ({@link OaiTokenKey}). A token is opaque to harvesters (protocol 3.5); anything they send
 * back that this node did not issue, whole and unchanged, is refused before a single field is read.
 */
final class OaiTokens {

    private static final String MAC = "HmacSHA256";
    /** An issued token is about 200 characters; anything much longer is not one. */
    static final int MAX_LENGTH = 512;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");

    private final OaiTokenKey key;

    OaiTokens(OaiTokenKey key) {
        this.key = key;
    }

    String issue(OaiToken token) throws SQLException {
        byte[] payload = token.payload().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(mac(payload));
    }

    OaiToken check(String token) throws OaiError, SQLException {
        if (token.length() > MAX_LENGTH || !SHAPE.matcher(token).matches()) {
            throw OaiToken.refused("shape");
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] offered;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            offered = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw OaiToken.refused("base64");
        }
        if (!MessageDigest.isEqual(mac(payload), offered)) {
            throw OaiToken.refused("signature");
        }
        return OaiToken.parse(new String(payload, StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] payload) throws SQLException {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key.get(), MAC));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
