package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event outbox and its relay against real Derby and a real Artemis: nothing lost, nothing rolled back sent, nothing twice. */
class RecordEventsTest {

    private static final Instant AT = Instant.parse("2026-12-07T09:30:00Z");

    @TempDir
    Path folder;

    private TestDatabase database;
    private DataSource events;
    private DataSource shop;
    private TestBroker broker;
    private final EventBell bell = new EventBell();
    private JdbcRecordEvents recordEvents;
    private EventRelay relay;
    private jakarta.jms.Connection listening;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        events = database.migrate("events");
        shop = database.migrate("shop");
        broker = TestBroker.start(folder.resolve("broker"));
        recordEvents = new JdbcRecordEvents("node-1", bell);
        // an integrator's subscriber on every event of the plugin: subscribed before anything is sent
        listening = broker.factory().createConnection();
        Session session = listening.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic("diwan.events.shop.#")).setMessageListener(received::add);
        listening.start();
    }

    @AfterEach
    void close() throws Exception {
        if (relay != null) {
            relay.stop();
        }
        listening.close();
        broker.close();
        database.close();
    }

    @Test
    void aRolledBackChangePublishesNothingAndACommittedOneArrivesWithItsProperties() throws Exception {
        startRelay(new EventOutbox(events), broker.factory());
        String lost = UUID.randomUUID().toString();
        assertThatThrownBy(() -> change(lost, "never made", EventKind.CREATED, true)).isInstanceOf(SQLException.class);
        String kept = UUID.randomUUID().toString();
        change(kept, "kept", EventKind.CREATED, false);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
        Message m = received.get(0);
        assertThat(m.getStringProperty(RecordEvents.RECORD_ID)).isEqualTo(kept);
        assertThat(m.getStringProperty(RecordEvents.PLUGIN)).isEqualTo("shop");
        assertThat(m.getStringProperty(RecordEvents.TYPE)).isEqualTo("order");
        assertThat(m.getStringProperty(RecordEvents.EVENT)).isEqualTo("created");
        assertThat(m.getLongProperty(RecordEvents.VERSION)).isEqualTo(1L);
        assertThat(m.getStringProperty(RecordEvents.ACTOR)).isEqualTo("hassan");
        assertThat(m.getStringProperty(RecordEvents.NODE)).isEqualTo("node-1");
        assertThat(m.getStringProperty(RecordEvents.OCCURRED_AT)).isEqualTo("2026-12-07T09:30:00Z");
        assertThat(m.getStringProperty(EventRelay.DUPLICATE_ID)).isEqualTo(m.getStringProperty(RecordEvents.EVENT_ID));
        assertThat(m.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
        assertThat(((jakarta.jms.Topic) m.getJMSDestination()).getTopicName()).isEqualTo("diwan.events.shop.created");
        await().atMost(Duration.ofSeconds(30)).until(() -> new EventOutbox(events).count() == 0);
        // the rolled-back change never reached the outbox, let alone the broker
        assertThat(received).hasSize(1);
    }

    @Test
    void anAnnouncementGoesThroughTheSameOutboxWithItsChangeInOrderAsTextOrBytes() throws Exception {
        SwitchableFactory down = new SwitchableFactory(broker.factory(), false);
        startRelay(new EventOutbox(events), down);
        byte[] pdf = new byte[300_000];
        for (int i = 0; i < pdf.length; i++) {
            pdf[i] = (byte) i;
        }
        Map<String, String> properties = Map.of("DiwanBulletinTitle", "نشرة البعثات\nسطر = ثان", "DiwanLanguage", "ar");
        // rolled back with its change: never sent
        assertThatThrownBy(() -> announce(properties, pdf, true)).isInstanceOf(SQLException.class);
        String order = UUID.randomUUID().toString();
        change(order, "before", EventKind.CREATED, false);
        announce(properties, pdf, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> down.refused() >= 1);
        assertThat(new EventOutbox(events).count()).as("waiting while the broker is away").isEqualTo(3);

        // a body over the broker's large-message size is read while the message is delivered, as a route does
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        Session session = listening.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic("diwan.events.shop.issued"), "DiwanLanguage = 'ar'").setMessageListener(m -> {
            try {
                if (m instanceof jakarta.jms.BytesMessage b) {
                    bodies.add(b.getBody(byte[].class));
                }
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        down.up();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 3);
        assertThat(received.get(0).getStringProperty(RecordEvents.RECORD_ID)).isEqualTo(order);
        Message text = received.get(1);
        assertThat(((jakarta.jms.Topic) text.getJMSDestination()).getTopicName()).isEqualTo("diwan.events.shop.issued");
        assertThat(((TextMessage) text).getText()).isEqualTo("<p dir=\"rtl\">نشرة</p>");
        assertThat(text.getStringProperty("DiwanBulletinTitle")).isEqualTo("نشرة البعثات\nسطر = ثان");
        assertThat(text.getStringProperty(RecordEvents.TYPE)).as("not a record event").isNull();
        assertThat(text.getStringProperty(EventRelay.DUPLICATE_ID)).isEqualTo(text.getStringProperty(RecordEvents.EVENT_ID)).isNotNull();
        jakarta.jms.BytesMessage bytes = (jakarta.jms.BytesMessage) received.get(2);
        assertThat(bytes.getBodyLength()).isEqualTo(pdf.length);
        await().atMost(Duration.ofSeconds(30)).until(() -> !bodies.isEmpty());
        assertThat(bodies.get(0)).isEqualTo(pdf);
        assertThat(bytes.getStringProperty("DiwanLanguage")).isEqualTo("ar");
        await().atMost(Duration.ofSeconds(30)).until(() -> new EventOutbox(events).count() == 0);
        assertThat(received).hasSize(3);
    }

    @Test
    void anAnnouncementIsNeverARecordEventNorCarriesTheBrokersProperties() {
        assertThatThrownBy(() -> org.diwan.api.events.Announcement.text("shop", "created", "x", Map.of(), "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> org.diwan.api.events.Announcement.text("shop", "issued", "x", Map.of("JMSType", "x"), "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> org.diwan.api.events.Announcement.text("shop", "issued", "x", Map.of("_AMQ_DUPL_ID", "x"), "t"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new org.diwan.api.events.Announcement("shop", "issued", "x", Map.of(), "t", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> org.diwan.api.events.Announcement.text("shop", "../x", "x", Map.of(), "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A change that announces what it made, a text and a bytes message, in its transaction. */
    private void announce(Map<String, String> properties, byte[] pdf, boolean fail) throws SQLException {
        try (Connection c = shop.getConnection()) {
            c.setAutoCommit(false);
            try {
                recordEvents.announce(c, org.diwan.api.events.Announcement.text("shop", "issued", "hassan", properties, "<p dir=\"rtl\">نشرة</p>"));
                recordEvents.announce(c, org.diwan.api.events.Announcement.bytes("shop", "issued", "hassan", properties, pdf));
                if (fail) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO no_such_table VALUES (1)")) {
                        s.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownAreAllDeliveredOnceInOrderWhenItComesBack() throws Exception {
        SwitchableFactory down = new SwitchableFactory(broker.factory(), false);
        startRelay(new EventOutbox(events), down);
        for (int i = 0; i < 40; i++) {
            change(UUID.randomUUID().toString(), "order " + i, EventKind.CREATED, false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> down.refused() >= 2);
        assertThat(received).isEmpty();
        assertThat(new EventOutbox(events).count()).isEqualTo(40);

        down.up();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 40);
        // a marker sent after: once it is in, anything sent twice would be in too
        String marker = UUID.randomUUID().toString();
        change(marker, "marker", EventKind.CHANGED, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 41
                && marker.equals(received.get(received.size() - 1).getStringProperty(RecordEvents.RECORD_ID)));
        assertThat(received).hasSize(41);
        assertThat(received.subList(0, 40)).extracting(RecordEventsTest::title)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).mapToObj(i -> "order " + i).toList());
        assertThat(new EventOutbox(events).count()).isZero();
    }

    @Test
    void anEventSentAgainAfterACrashBeforeItsDeleteIsDeliveredOnce() throws Exception {
        AtomicInteger deletes = new AtomicInteger();
        EventOutbox crashing = new EventOutbox(events) {
            @Override
            void remove(Entry entry) throws SQLException {
                // the first delete "crashes": the broker has the event, the outbox still has its row
                if (deletes.getAndIncrement() == 0) {
                    throw new SQLException("crash between send and delete (test)");
                }
                super.remove(entry);
            }
        };
        startRelay(crashing, broker.factory());
        String id = UUID.randomUUID().toString();
        change(id, "once", EventKind.CREATED, false);
        await().atMost(Duration.ofSeconds(60)).until(() -> deletes.get() >= 2 && new EventOutbox(events).count() == 0);

        String marker = UUID.randomUUID().toString();
        change(marker, "marker", EventKind.CHANGED, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(m -> is(m, marker)));
        assertThat(received.stream().filter(m -> is(m, id)).count()).isEqualTo(1);
        assertThat(received).hasSize(2);
    }

    @Test
    void theBodyIsValidJsonWhateverTheFieldsHold() throws Exception {
        startRelay(new EventOutbox(events), broker.factory());
        String id = UUID.randomUUID().toString();
        String hostile = "بعثة \"القاهرة\"\n</script><b>\\ \u0000\u2028 'x' 🇪🇬";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", hostile);
        fields.put("pages", 12);
        fields.put("price", new java.math.BigDecimal("12.50"));
        fields.put("open", Boolean.TRUE);
        fields.put("note", null);
        try (Connection c = shop.getConnection()) {
            c.setAutoCommit(false);
            recordEvents.publish(c, RecordEvent.stateChanged("shop", "order", id, 3, "DRAFT", "SENT", "مدير", AT, fields));
            c.commit();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
        Message m = received.get(0);
        assertThat(((jakarta.jms.Topic) m.getJMSDestination()).getTopicName()).isEqualTo("diwan.events.shop.state-changed");
        assertThat(m.getStringProperty(RecordEvents.FROM_STATE)).isEqualTo("DRAFT");
        assertThat(m.getStringProperty(RecordEvents.TO_STATE)).isEqualTo("SENT");
        assertThat(m.getStringProperty(RecordEvents.ACTOR)).isEqualTo("مدير");
        String text = ((TextMessage) m).getText();
        assertThat(text).doesNotContain("</script>");
        JsonNode body = new ObjectMapper().readTree(text);
        assertThat(body.get("event").asText()).isEqualTo("state-changed");
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("version").asLong()).isEqualTo(3);
        assertThat(body.get("from").asText()).isEqualTo("DRAFT");
        assertThat(body.get("to").asText()).isEqualTo("SENT");
        assertThat(body.get("node").asText()).isEqualTo("node-1");
        assertThat(body.get("eventId").asText()).isEqualTo(m.getStringProperty(RecordEvents.EVENT_ID));
        assertThat(body.get("fields").get("title").asText()).isEqualTo(hostile);
        assertThat(body.get("fields").get("pages").asInt()).isEqualTo(12);
        assertThat(body.get("fields").get("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(body.get("fields").get("open").asBoolean()).isTrue();
        assertThat(body.get("fields").get("note").isNull()).isTrue();
    }

    @Test
    void integratorsSelectOnTheProperties() throws Exception {
        jakarta.jms.Connection selective = broker.factory().createConnection();
        try {
            Session session = selective.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<Message> deletes = new CopyOnWriteArrayList<>();
            session.createConsumer(session.createTopic("diwan.events.shop.deleted"), "DiwanType = 'order' AND DiwanVersion > 1")
                    .setMessageListener(deletes::add);
            selective.start();
            startRelay(new EventOutbox(events), broker.factory());
            String id = UUID.randomUUID().toString();
            change(id, "first", EventKind.CREATED, false);
            change(id, "gone", EventKind.DELETED, false);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> deletes.size() == 1);
            assertThat(deletes.get(0).getStringProperty(RecordEvents.EVENT)).isEqualTo("deleted");
        } finally {
            selective.close();
        }
    }

    @Test
    void refusesEventsThatCannotBeAddressedOrCarryObjects() {
        assertThatThrownBy(() -> RecordEvent.of("Shop.#", "order", "1", 1, EventKind.CREATED, "a", AT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordEvent.of("shop", "order>", "1", 1, EventKind.CREATED, "a", AT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordEvent.of("shop", "order", "1", 1, EventKind.CREATED, "a", AT, Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordEvent("shop", "order", "1", 1, EventKind.CHANGED, "A", "B", "a", AT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RecordEvent.of("shop", "order", "1", 1, EventKind.DELETED, "a", AT, null).address())
                .isEqualTo("diwan.events.shop.deleted");
    }

    /** A plugin's write and its event in one transaction; {@code fail} makes the write after the event fail. */
    private void change(String id, String title, EventKind kind, boolean fail) throws SQLException {
        try (Connection c = shop.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (kind == EventKind.CREATED && !fail) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO shop_order (id, title) VALUES (?, ?)")) {
                        s.setString(1, id);
                        s.setString(2, title);
                        s.executeUpdate();
                    }
                }
                long version = kind == EventKind.CREATED ? 1 : 2;
                recordEvents.publish(c, RecordEvent.of("shop", "order", id, version, kind, "hassan", AT, Map.of("title", title)));
                if (fail) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO no_such_table VALUES (1)")) {
                        s.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void startRelay(EventOutbox outbox, jakarta.jms.ConnectionFactory factory) {
        relay = new EventRelay(outbox, factory, bell, "node-1");
        relay.start();
    }

    private static boolean is(Message m, String recordId) {
        try {
            return recordId.equals(m.getStringProperty(RecordEvents.RECORD_ID));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String title(Message m) {
        try {
            return new ObjectMapper().readTree(((TextMessage) m).getText()).get("fields").get("title").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
