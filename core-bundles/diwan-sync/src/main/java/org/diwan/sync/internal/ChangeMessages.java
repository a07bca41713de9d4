package org.diwan.sync.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncQueues;

/**
 * Changes as JMS messages: a bundle of up to {@link #MAX_CHANGES} changes in one deflated body. One message per
 * change made Artemis's per-message work (a journal record and an acknowledgement on each broker, a bridge
 * confirmation, a TLS record) the bound of the link; bundled, a catching-up mission moves its records at the
 * speed of the two databases. Bytes, not text: Artemis keeps a text body in UTF-16, twice the size of JSON.
 * Deflated: a mission's link is often slow or paid by the byte, and every byte costs both brokers' journals and
 * both ends of TLS; JSON records of Arabic prose shrink to about a third.
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
     * A bundle's body, before deflating, is kept under Artemis's large-message threshold (100 KiB) even should it
     * not deflate at all: a large message is written to a file of its own and a bridge forwards only one at a time.
     * A single change over it travels alone.
     */
    static final int MAX_BYTES = 64 * 1024;
    /** How the body is encoded; a message without it is not a bundle of this version. */
    static final String PROPERTY_ENCODING = "diwanEncoding";
    static final String DEFLATE = "deflate";
    private static final int NO_PAYLOAD = -1;
    /**
     * The most a body may inflate to: a bundle's size, or one change of the largest payload. A mission is trusted
     * to log in, not to send a few bytes that inflate to gigabytes.
     */
    static final long MAX_INFLATED = Math.max(2L * MAX_BYTES, 1024 + 4L * SyncChange.MAX_PAYLOAD_CHARS);

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

    /** Bytes a change takes in a body before it is deflated. */
    private static long estimate(SyncChange change) {
        return 64 + utf8Length(change.type()) + utf8Length(change.recordId()) + (change.payload() == null ? 0 : utf8Length(change.payload()));
    }

    /** The length of {@code text} in UTF-8, without encoding it (the body encodes it once, later). */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                // a lone surrogate is encoded as '?': one byte, counted as three
                bytes += 3;
            }
        }
        return bytes;
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
        message.writeBytes(deflate(changes));
        message.setIntProperty(PROPERTY_COUNT, changes.size());
        message.setStringProperty(PROPERTY_ENCODING, DEFLATE);
        message.setStringProperty(SyncQueues.PROPERTY_DUPLICATE_ID, duplicateId);
        return message;
    }

    private static byte[] deflate(List<SyncChange> changes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // the fastest level: on a catching-up mission the CPU is shared with its broker and TLS
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 8192))) {
            for (SyncChange change : changes) {
                out.writeUTF(change.type());
                out.writeUTF(change.recordId());
                out.writeLong(change.version());
                out.writeBoolean(change.missionCode() != null);
                if (change.missionCode() != null) {
                    out.writeUTF(change.missionCode());
                }
                if (change.payload() == null) {
                    out.writeInt(NO_PAYLOAD);
                } else {
                    byte[] payload = change.payload().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(payload.length);
                    out.write(payload);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in memory", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
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
        if (!DEFLATE.equals(message.getStringProperty(PROPERTY_ENCODING))) {
            throw new IllegalArgumentException("a bundle encoded as " + message.getStringProperty(PROPERTY_ENCODING));
        }
        int count = message.getIntProperty(PROPERTY_COUNT);
        if (count < 1 || count > MAX_CHANGES) {
            throw new IllegalArgumentException("a bundle of " + count + " changes");
        }
        long length = body.getBodyLength();
        if (length > MAX_INFLATED) {
            throw new IllegalArgumentException("a bundle of " + length + " bytes");
        }
        byte[] deflated = new byte[(int) length];
        body.readBytes(deflated);
        Inflater inflater = new Inflater();
        try (DataInputStream in = new DataInputStream(new Bounded(new InflaterInputStream(new ByteArrayInputStream(deflated), inflater)))) {
            List<SyncChange> changes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                changes.add(read(in));
            }
            return changes;
        } catch (EOFException e) {
            throw new IllegalArgumentException("a bundle cut short");
        } catch (IOException e) {
            // ZipException: not deflated data
            throw new IllegalArgumentException("a bundle that does not inflate: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static SyncChange read(DataInputStream in) throws IOException {
        String type = in.readUTF();
        String record = in.readUTF();
        long version = in.readLong();
        String mission = in.readBoolean() ? in.readUTF() : null;
        int length = in.readInt();
        String payload = null;
        if (length != NO_PAYLOAD) {
            if (length < 0 || length > 4L * SyncChange.MAX_PAYLOAD_CHARS) {
                throw new IllegalArgumentException("a payload of " + length + " bytes");
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            payload = new String(bytes, StandardCharsets.UTF_8);
        }
        return new SyncChange(type, record, version, mission, payload);
    }

    /** Refuses to read past {@link #MAX_INFLATED} bytes. */
    private static final class Bounded extends FilterInputStream {

        private long left = MAX_INFLATED;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                take(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                take(n);
            }
            return n;
        }

        private void take(int n) {
            left -= n;
            if (left < 0) {
                throw new IllegalArgumentException("a bundle that inflates past " + MAX_INFLATED + " bytes");
            }
        }
    }
}
