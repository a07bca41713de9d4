package org.diwan.messaging.internal;

/**
 * What a mission node sends as its broker password: the enrolment secret, the node's own key ({@link NodeKey}) and
 * the running instance's id ({@link #newInstance}), joined by {@value #SEPARATOR}. No part can hold the separator:
 * all are base64url.
 *
 * <p>The instance id is what tells apart two running copies of one node (a data folder copied whole carries the
 * same secret and key): each start of the link makes a new one, so headquarters sees which start holds the link
 * ({@link MissionInstances}).
 *
 * @param nodeKey  empty when the password carries none
 * @param instance empty when the password carries none (a node older than this check)
 */
record MissionCredential(String secret, String nodeKey, String instance) {

    static final char SEPARATOR = '.';

    static String join(String secret, String nodeKey) {
        return secret + SEPARATOR + nodeKey;
    }

    static String join(String secret, String nodeKey, String instance) {
        return join(secret, nodeKey) + SEPARATOR + instance;
    }

    /** A new id for this start of the link: random, never stored. */
    static String newInstance() {
        return PrivateFiles.newSecret().substring(0, 16);
    }

    static MissionCredential parse(String password) {
        if (password == null) {
            return new MissionCredential(null, "", "");
        }
        String[] parts = password.split("\\" + SEPARATOR, -1);
        return switch (parts.length) {
            case 1 -> new MissionCredential(password, "", "");
            case 2 -> new MissionCredential(parts[0], parts[1], "");
            case 3 -> new MissionCredential(parts[0], parts[1], parts[2]);
            // not a password a node makes: the secret cannot match
            default -> new MissionCredential(password, "", "");
        };
    }

    /** Never the secret or the key. */
    @Override
    public String toString() {
        return "MissionCredential[…]";
    }
}
