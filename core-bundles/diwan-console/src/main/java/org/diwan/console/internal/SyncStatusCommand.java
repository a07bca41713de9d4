package org.diwan.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.diwan.api.sync.LinkMonitor;
import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.SyncAdmin;
import org.diwan.api.sync.SyncReport;

@Command(scope = "diwan", name = "sync", description = "Shows the mission-headquarters link: its state, what waits each way, the last exchange and errors.")
@Service
public class SyncStatusCommand implements Action {

    @Reference
    private LinkMonitor link;

    @Reference
    private SyncAdmin sync;

    @Override
    public Object execute() {
        LinkStatus state = link.status();
        SyncReport report = sync.report();
        ShellTable table = new ShellTable();
        table.column("");
        table.column("");
        table.noHeaders();
        table.addRow().addContent("role", state.role());
        table.addRow().addContent("link", state.enabled() ? state.endpoint() : "not configured");
        table.addRow().addContent("connected", state.connected() ? "yes" : "no");
        table.addRow().addContent("bundles waiting on the broker", state.outbound());
        table.addRow().addContent("link error", state.lastError().isEmpty() ? "-" : state.lastError() + " (" + state.lastErrorAt() + ")");
        table.addRow().addContent("record types", String.join(", ", report.types()));
        table.addRow().addContent("in the outbox", report.outbox());
        table.addRow().addContent("sent since start", report.sent() + ", last at " + orDash(report.lastSentAt()));
        table.addRow().addContent("received since start", report.received() + ", last at " + orDash(report.lastReceivedAt()));
        table.addRow().addContent("waiting to apply", report.deferred());
        table.addRow().addContent("set aside", report.failed().size());
        table.addRow().addContent("sync error", report.lastError().isEmpty() ? "-" : report.lastError());
        table.print(System.out);
        if (!state.missions().isEmpty()) {
            ShellTable missions = new ShellTable();
            missions.column("Mission");
            missions.column("Connected");
            missions.column("Bundles waiting");
            missions.column("Last seen");
            for (LinkStatus.MissionLink m : state.missions()) {
                missions.addRow().addContent(m.missionCode(), m.connected() ? "yes" : "no", m.waiting(), orDash(m.lastSeen()));
            }
            missions.print(System.out);
        }
        for (SyncReport.Parked p : report.failed()) {
            if (p.refusedAsNotOwned()) {
                System.out.println("REFUSED: " + p.key() + " sent by mission " + p.missionCode() + ", belongs to " + p.owner());
            } else {
                System.out.println("set aside: " + p.key() + " (" + p.attempts() + " attempt(s)): " + p.error());
            }
        }
        return null;
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
