package org.diwan.web.internal;

import java.time.Instant;
import java.util.List;

import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.SyncReport;

/**
 * The link's state and the sync report as JSON, for monitoring scripts and the two-node tests: written by
 * hand, as the shell carries no JSON library, with every string escaped.
 */
final class SyncStatusJson {

    private final StringBuilder out = new StringBuilder();

    private SyncStatusJson() {
    }

    static String of(LinkStatus link, SyncReport report) {
        SyncStatusJson j = new SyncStatusJson();
        j.out.append("{\"link\":{");
        j.field("role", link.role()).comma().field("enabled", link.enabled()).comma().field("endpoint", link.endpoint()).comma()
                .field("connected", link.connected()).comma().field("outbound", link.outbound()).comma()
                .field("lastError", link.lastError()).comma().field("lastErrorAt", link.lastErrorAt()).comma();
        j.out.append("\"missions\":[");
        List<LinkStatus.MissionLink> missions = link.missions();
        for (int i = 0; i < missions.size(); i++) {
            LinkStatus.MissionLink m = missions.get(i);
            j.out.append(i == 0 ? "{" : ",{");
            j.field("missionCode", m.missionCode()).comma().field("connected", m.connected()).comma().field("waiting", m.waiting()).comma()
                    .field("lastSeen", m.lastSeen()).comma().field("alarm", m.alarm()).comma().field("alarmFrom", m.alarmFrom()).comma()
                    .field("alarmAt", m.alarmAt());
            j.out.append('}');
        }
        j.out.append("]},\"sync\":{");
        j.out.append("\"types\":[");
        for (int i = 0; i < report.types().size(); i++) {
            j.out.append(i == 0 ? "" : ",").append(quote(report.types().get(i)));
        }
        j.out.append("],");
        j.field("outbox", report.outbox()).comma().field("sent", report.sent()).comma().field("received", report.received()).comma()
                .field("lastSentAt", report.lastSentAt()).comma().field("lastReceivedAt", report.lastReceivedAt()).comma()
                .field("deferred", report.deferred()).comma().field("failed", report.failed().size()).comma()
                .field("refused", report.failed().stream().filter(SyncReport.Parked::refusedAsNotOwned).count()).comma()
                .field("lastError", report.lastError()).comma();
        j.out.append("\"setAside\":[");
        for (int i = 0; i < report.failed().size(); i++) {
            SyncReport.Parked p = report.failed().get(i);
            j.out.append(i == 0 ? "{" : ",{");
            j.field("key", p.key()).comma().field("missionCode", p.missionCode()).comma().field("receivedAt", p.receivedAt()).comma()
                    .field("attempts", p.attempts()).comma().field("error", p.error()).comma();
            j.out.append("\"owner\":");
            if (p.owner() == null) {
                j.out.append("null");
            } else {
                j.out.append('{');
                j.field("role", p.owner().role().name().toLowerCase(java.util.Locale.ROOT)).comma().field("missionCode", p.owner().missionCode());
                j.out.append('}');
            }
            j.out.append('}');
        }
        j.out.append("]}}");
        return j.out.toString();
    }

    private SyncStatusJson comma() {
        out.append(',');
        return this;
    }

    private SyncStatusJson field(String name, Object value) {
        out.append(quote(name)).append(':');
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof Instant instant) {
            out.append(quote(instant.toString()));
        } else {
            out.append(quote(value.toString()));
        }
        return this;
    }

    static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
