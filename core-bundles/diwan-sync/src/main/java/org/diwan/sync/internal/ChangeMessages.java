package org.diwan.sync.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncQueues;

/**
 * Changes as JMS messages: a bundle of up to {@link #MAX_CHANGES} changes in one UTF-8 body. One message per
 * change made Artemis's per-message work (a journal record and an acknowledgement on each broker, a bridge
 * confirmation, a TLS record) the bound of the link; bundled, a catching-up mission moves its records at the
 * speed of the two databases. Bytes, not text: Artemis keeps a text body in UTF-16, twice the size of JSON.
 *
 * <p>The broker's duplicate id of a bundle is a digest of its changes' keys: the same changes resent after a
 * crash (the broker committed, the outbox had not forgotten them yet) are dropped by the broker; a bundle made
 * differently after the restart is delivered, and the receiver's apply by record id and version ignores the
 * changes it already holds.
 */
final class ChangeMessages {

    /** Number of changes in a bundle; also what marks a message as one. */
    static final String PROPERTY_COUNT = "diwanChanges";
    static final int MAX_CHANGES = 100;
    /**
     * A bundle's body is kept under Artemis's large-message threshold (100 KiB): a large message is written to a
     * file of its own and a bridge forwards only one at a time. A single change over it travels alone.
     */
    static final int MAX_BYTES = 64 * 1024;
    private static final int NO_PAYLOAD = -1;

    private ChangeMessages() {
    }

    /** Cuts changes, in their order, into bundles of at most {@link #MAX_CHANGES} and about {@link #MAX_BYTES}. */
    static <T> List<List<T>> bundles(List<T> items, java.util.function.Function<T, SyncChange> change) {
        List<List<T>> bundles = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            long size = estimate(change.apply(item));
            if (!current.isEmpty() && (current.size() == MAX_CHANGES || bytes + size > MAX_BYTES)) {
                bundles.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += size;
        }
        if (!current.isEmpty()) {
            bundles.add(current);
        }
        return bundles;
    }

    /** Bytes a change takes in a body, from above for Latin and Arabic text (two bytes a character at most). */
    private static long estimate(SyncChange change) {
        return 64 + 2L * (change.type().length() + change.recordId().length() + (change.payload() == null ? 0 : change.payload().length()));
    }

    /** The broker's duplicate id of a bundle: a digest of its changes' keys (each made distinct by a resend). */
    static String duplicateId(List<String> keys) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String key : keys) {
                digest.update(key.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return "bundle:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static BytesMessage toMessage(Session session, List<SyncChange> changes, String duplicateId) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        for (SyncChange change : changes) {
            message.writeUTF(change.type());
            message.writeUTF(change.recordId());
            message.writeLong(change.version());
            message.writeBoolean(change.missionCode() != null);
            if (change.missionCode() != null) {
                message.writeUTF(change.missionCode());
            }
            if (change.payload() == null) {
                message.writeInt(NO_PAYLOAD);
            } else {
                byte[] payload = change.payload().getBytes(StandardCharsets.UTF_8);
                message.writeInt(payload.length);
                message.writeBytes(payload);
            }
        }
        message.setIntProperty(PROPERTY_COUNT, changes.size());
        message.setStringProperty(SyncQueues.PROPERTY_DUPLICATE_ID, duplicateId);
        return message;
    }

    /**
     * The changes a message carries.
     *
     * @throws IllegalArgumentException when the message is not a well-formed bundle (the sender is not Diwan, or
     *                                  not this version of it)
     */
    static List<SyncChange> fromMessage(Message message) throws JMSException {
        if (!(message instanceof BytesMessage body) || !message.propertyExists(PROPERTY_COUNT)) {
            throw new IllegalArgumentException("not a bundle of changes: " + message.getClass().getSimpleName());
        }
        int count = message.getIntProperty(PROPERTY_COUNT);
        if (count < 1 || count > MAX_CHANGES) {
            throw new IllegalArgumentException("a bundle of " + count + " changes");
        }
        List<SyncChange> changes = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                String type = body.readUTF();
                String record = body.readUTF();
                long version = body.readLong();
                String mission = body.readBoolean() ? body.readUTF() : null;
                int length = body.readInt();
                String payload = null;
                if (length != NO_PAYLOAD) {
                    if (length < 0 || length > 4L * SyncChange.MAX_PAYLOAD_CHARS) {
                        throw new IllegalArgumentException("a payload of " + length + " bytes");
                    }
                    byte[] bytes = new byte[length];
                    if (body.readBytes(bytes) != length) {
                        throw new IllegalArgumentException("a bundle cut short");
                    }
                    payload = new String(bytes, StandardCharsets.UTF_8);
                }
                changes.add(new SyncChange(type, record, version, mission, payload));
            }
        } catch (jakarta.jms.MessageEOFException e) {
            throw new IllegalArgumentException("a bundle cut short");
        }
        return changes;
    }
}
