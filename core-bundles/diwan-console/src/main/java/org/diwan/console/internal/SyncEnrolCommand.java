package org.diwan.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.sync.Enrolment;
import org.diwan.api.sync.MissionLinks;
import org.diwan.api.sync.SyncAdmin;

@Command(scope = "diwan", name = "sync-enrol", description = "Headquarters: lets a mission node connect, prints its secret (once) and"
        + " headquarters' certificate, and queues everything the mission should hold.")
@Service
public class SyncEnrolCommand implements Action {

    @Argument(name = "mission", description = "the mission's code, as the mission node is configured (DIWAN_MISSION_CODE)", required = true)
    private String mission;

    /**
     * Optional: Karaf registers a bundle's commands only once every mandatory reference of every one of them is
     * there, and only a headquarters with a link has this service.
     */
    @Reference(optional = true)
    private MissionLinks links;

    @Reference
    private SyncAdmin sync;

    @Reference
    private AuditLog audit;

    @Override
    public Object execute() throws Exception {
        if (links == null) {
            System.out.println("This node enrols no missions: it is not headquarters, or DIWAN_LINK_PORT is not set (docs/sync-guide.md).");
            return null;
        }
        Enrolment enrolment = links.enrol(mission.strip().toUpperCase(java.util.Locale.ROOT));
        long queued = sync.resend(enrolment.missionCode());
        ConsoleActor.audit(audit, "sync.enrol", enrolment.missionCode(), queued + " record(s) queued");
        System.out.println("Mission " + enrolment.missionCode() + " enrolled; " + queued + " record(s) queued for it.");
        System.out.println("On the mission node, etc/org.diwan.link.cfg:");
        System.out.println("  hqAddress = " + enrolment.hqEndpoint());
        System.out.println("  secret = " + enrolment.secret());
        System.out.println("and headquarters' certificate as etc/diwan-hq.pem:");
        System.out.println(enrolment.hqCertificate());
        return null;
    }
}
