package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.support.SimpleRegistry;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example {@code camel-routes/examples/diwan-record-events.camel.yaml}, as it is, fed by the real outbox and
 * relay: a mission registered in a plugin's transaction reaches the partner's URL as its event's JSON, and what the
 * selector leaves out (another record type, a rolled-back change) never does.
 */
class RecordEventsRouteTest {

    private static final Path ROUTE_FILE = Path.of("../../camel-routes/examples/diwan-record-events.camel.yaml");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private TestDatabase database;
    private TestBroker broker;
    private TestWebsite partner;
    private CamelRuntime runtime;
    private RouteFiles files;
    private EventRelay relay;
    private JdbcRecordEvents events;
    private javax.sql.DataSource outbox;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.create(folder);
        outbox = database.migrate("events");
        broker = TestBroker.start(folder.resolve("broker"));
        partner = new TestWebsite();
        RouteSettings settings = new RouteSettings(Map.of("partner.missions.url", partner.url("/hooks/missions")));
        runtime = new CamelRuntime(new SimpleRegistry(), getClass().getClassLoader(), Duration.ofSeconds(2), false, null, settings);
        runtime.bindConnectionFactory(broker.factory());
        files = new RouteFiles(runtime.context(), settings);
        EventBell bell = new EventBell();
        events = new JdbcRecordEvents("node-hq", bell);
        relay = new EventRelay(new EventOutbox(outbox), broker.factory(), bell, "node-hq");
        relay.start();
    }

    @AfterEach
    void stop() throws Exception {
        relay.stop();
        runtime.close();
        partner.close();
        broker.close();
        database.close();
    }

    @Test
    void postsTheRegistrysEventsAndOnlyThose() throws Exception {
        assertThat(files.load(ROUTE_FILE)).containsExactly("partner-missions");

        String letter = UUID.randomUUID().toString();
        publish(RecordEvent.of("missions", "correspondence", letter, 1, EventKind.CREATED, "clerk", Instant.now(), Map.of()), true);
        String lost = UUID.randomUUID().toString();
        publish(RecordEvent.of("missions", "mission", lost, 1, EventKind.CREATED, "chief", Instant.now(), Map.of()), false);
        String paris = UUID.randomUUID().toString();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", "PAR");
        fields.put("nameAr", "بعثة الجامعة في باريس");
        publish(RecordEvent.of("missions", "mission", paris, 1, EventKind.CREATED, "chief", Instant.now(), fields), true);

        TestWebsite.Request post = partner.next(WAIT);
        assertThat(post).isNotNull();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/hooks/missions");
        assertThat(post.header("DiwanRecordId")).isEqualTo(paris);
        assertThat(post.header("DiwanEvent")).isEqualTo("created");
        assertThat(post.header("DiwanEventId")).isNotBlank();
        JsonNode body = new ObjectMapper().readTree(new String(post.body(), StandardCharsets.UTF_8));
        assertThat(body.get("id").asText()).isEqualTo(paris);
        assertThat(body.get("fields").get("nameAr").asText()).isEqualTo("بعثة الجامعة في باريس");
        // the first post is the last event: the correspondence event (another type), sent before it on the same
        // addresses, and the rolled-back one never came; nor does anything after
        assertThat(partner.next(Duration.ofMillis(500))).isNull();
    }

    private void publish(RecordEvent event, boolean commit) throws Exception {
        try (Connection c = outbox.getConnection()) {
            c.setAutoCommit(false);
            events.publish(c, event);
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }
}
