package org.diwan.messaging.internal;

/**
 * What a mission node sends as its broker password: the enrolment secret and the node's own key
 * ({@link NodeKey}), joined by {@value #SEPARATOR}. Neither part can hold the separator: both are base64url.
 *
 * @param nodeKey empty when the password carries none
 */
record MissionCredential(String secret, String nodeKey) {

    static final char SEPARATOR = '.';

    static String join(String secret, String nodeKey) {
        return secret + SEPARATOR + nodeKey;
    }

    static MissionCredential parse(String password) {
        if (password == null) {
            return new MissionCredential(null, "");
        }
        int at = password.lastIndexOf(SEPARATOR);
        return at < 0 ? new MissionCredential(password, "") : new MissionCredential(password.substring(0, at), password.substring(at + 1));
    }

    /** Never the secret or the key. */
    @Override
    public String toString() {
        return "MissionCredential[…]";
    }
}
