package org.diwan.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeMessagesTest {

    @TempDir
    Path folder;
    private TestBroker broker;
    private Connection connection;
    private Session session;

    @BeforeEach
    void start() throws Exception {
        broker = new TestBroker(folder, "TUN");
        connection = broker.factory("TUN").createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.start();
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        broker.close();
    }

    @Test
    void aBundleCarriesItsChangesInOrderWithArabicPayloadsDeletionsAndNoMission() throws Exception {
        List<SyncChange> changes = List.of(
                new SyncChange("missions.correspondence", "a", 1, "TUN", "{\"subject\":\"تقرير شهري\"}"),
                new SyncChange("missions.correspondence", "a", 2, "TUN", "{\"subject\":\"تقرير شهري (منقح)\"}"),
                new SyncChange("missions.directory", "m", 7, null, "{\"name\":\"\u200fبعثة تونس\"}"),
                new SyncChange("notes.note", "gone", 3, "TUN", null));

        assertThat(ChangeMessages.fromMessage(roundTrip(ChangeMessages.toMessage(session, changes, "d1")))).isEqualTo(changes);
    }

    @Test
    void bundlesKeepOrderAndStopAtTheirCountOrSizeAndABigChangeTravelsAlone() {
        List<SyncChange> small = IntStream.range(0, 250).mapToObj(i -> change("r" + i, "x".repeat(100))).toList();
        List<List<SyncChange>> byCount = ChangeMessages.bundles(small, c -> c);
        assertThat(byCount).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(byCount.stream().flatMap(List::stream).toList()).isEqualTo(small);

        // 20,000 bytes of UTF-8 each: three fit in 64 KiB
        List<SyncChange> large = IntStream.range(0, 10).mapToObj(i -> change("r" + i, "ن".repeat(10_000))).toList();
        assertThat(ChangeMessages.bundles(large, c -> c)).extracting(List::size).containsExactly(3, 3, 3, 1);
        List<SyncChange> latin = IntStream.range(0, 10).mapToObj(i -> change("r" + i, "n".repeat(10_000))).toList();
        assertThat(ChangeMessages.bundles(latin, c -> c)).extracting(List::size).containsExactly(6, 4);

        SyncChange huge = change("huge", "x".repeat(200_000));
        assertThat(ChangeMessages.bundles(List.of(small.get(0), huge, small.get(1)), c -> c)).extracting(List::size).containsExactly(1, 1, 1);
    }

    @Test
    void theUtf8LengthIsCountedWithoutEncoding() {
        for (String text : List.of("", "abc", "نص عربي", "€ and 𝄞 and \u200f", "x\ud800y")) {
            assertThat(ChangeMessages.utf8Length(text)).as(text).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + (text.contains("\ud800") ? 2 : 0));
        }
    }

    @Test
    void theDuplicateIdIsTheSameForTheSameChangesAndDiffersOtherwise() {
        String id = ChangeMessages.duplicateId(List.of("t:a:1", "t:b:1"));
        assertThat(ChangeMessages.duplicateId(List.of("t:a:1", "t:b:1"))).isEqualTo(id);
        assertThat(ChangeMessages.duplicateId(List.of("t:b:1", "t:a:1"))).isNotEqualTo(id);
        assertThat(ChangeMessages.duplicateId(List.of("t:a:1"))).isNotEqualTo(id);
        assertThat(ChangeMessages.duplicateId(List.of("t:a:1", "t:b:1#resend"))).isNotEqualTo(id);
    }

    @Test
    void aMessageThatIsNotAWholeBundleIsRefused() throws Exception {
        assertThatThrownBy(() -> ChangeMessages.fromMessage(roundTrip(session.createTextMessage("{}"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a bundle");

        BytesMessage plain = session.createBytesMessage();
        plain.writeUTF("notes.note");
        assertThatThrownBy(() -> ChangeMessages.fromMessage(roundTrip(plain))).isInstanceOf(IllegalArgumentException.class);

        BytesMessage short1 = ChangeMessages.toMessage(session, List.of(change("a", "body")), "d2");
        short1.setIntProperty(ChangeMessages.PROPERTY_COUNT, 2);
        assertThatThrownBy(() -> ChangeMessages.fromMessage(roundTrip(short1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut short");

        BytesMessage tooMany = ChangeMessages.toMessage(session, List.of(change("a", "body")), "d3");
        tooMany.setIntProperty(ChangeMessages.PROPERTY_COUNT, ChangeMessages.MAX_CHANGES + 1);
        assertThatThrownBy(() -> ChangeMessages.fromMessage(roundTrip(tooMany))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBundleTravelsDeflatedToAFractionOfItsText() throws Exception {
        String[] words = {"الأمانة", "العامة", "البعثة", "تقرير", "عن", "زيارة", "وزير", "الخارجية", "التعاون", "الاقتصادي", "بين",
            "البلدين", "في", "مجال", "الطاقة", "والنقل", "الجالية", "العربية", "المؤتمر", "الصحفي"};
        java.util.Random random = new java.util.Random(7);
        List<SyncChange> changes = IntStream.range(0, 100).mapToObj(i -> change("r" + i, "{\"summary\":\""
                + String.join(" ", IntStream.range(0, 80).mapToObj(w -> words[random.nextInt(words.length)]).toList()) + "\"}")).toList();
        long text = changes.stream().mapToLong(c -> c.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();

        BytesMessage received = (BytesMessage) roundTrip(ChangeMessages.toMessage(session, changes, "d4"));
        assertThat(received.getBodyLength()).as("deflated, of %d bytes of text", text).isLessThan(text / 2);
        assertThat(received.getStringProperty(ChangeMessages.PROPERTY_ENCODING)).isEqualTo(ChangeMessages.DEFLATE);
        assertThat(ChangeMessages.fromMessage(received)).isEqualTo(changes);
    }

    @Test
    void aBodyThatDoesNotInflateOrInflatesPastItsBoundIsRefused() throws Exception {
        BytesMessage garbage = session.createBytesMessage();
        garbage.writeBytes("not deflated at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        garbage.setIntProperty(ChangeMessages.PROPERTY_COUNT, 1);
        garbage.setStringProperty(ChangeMessages.PROPERTY_ENCODING, ChangeMessages.DEFLATE);
        assertThatThrownBy(() -> ChangeMessages.fromMessage(roundTrip(garbage))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not inflate");

        // a few kilobytes that inflate to two payloads, each allowed on its own (a million three-byte characters),
        // together past the bound
        byte[] payload = "€".repeat(SyncChange.MAX_PAYLOAD_CHARS).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.DeflaterOutputStream(bomb))) {
            for (int i = 0; i < 2; i++) {
                out.writeUTF("notes.note");
                out.writeUTF("bomb" + i);
                out.writeLong(1);
                out.writeBoolean(false);
                out.writeInt(payload.length);
                out.write(payload);
            }
        }
        assertThat(bomb.size()).isLessThan(64 * 1024);
        BytesMessage inflating = session.createBytesMessage();
        inflating.writeBytes(bomb.toByteArray());
        inflating.setIntProperty(ChangeMessages.PROPERTY_COUNT, 2);
        inflating.setStringProperty(ChangeMessages.PROPERTY_ENCODING, ChangeMessages.DEFLATE);
        assertThatThrownBy(() -> ChangeMessages.fromMessage(roundTrip(inflating))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inflates past");

        BytesMessage unknown = ChangeMessages.toMessage(session, List.of(change("a", "body")), "d5");
        unknown.setStringProperty(ChangeMessages.PROPERTY_ENCODING, "gzip");
        assertThatThrownBy(() -> ChangeMessages.fromMessage(roundTrip(unknown))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoded as gzip");
    }

    private static SyncChange change(String id, String payload) {
        return new SyncChange("notes.note", id, 1, "TUN", payload);
    }

    private jakarta.jms.Message roundTrip(jakarta.jms.Message message) throws Exception {
        session.createProducer(session.createQueue(SyncQueues.INBOUND)).send(message);
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(SyncQueues.INBOUND))) {
            jakarta.jms.Message received = consumer.receive(5_000);
            assertThat(received).isNotNull();
            return received;
        }
    }
}
