package org.diwan.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.sync.SyncAdmin;

@Command(scope = "diwan", name = "sync-resend", description = "Headquarters: queues every record a mission should hold again (after a"
        + " mission node was restored from an old backup); the mission ignores what it already has.")
@Service
public class SyncResendCommand implements Action {

    @Argument(name = "mission", description = "the mission's code", required = true)
    private String mission;

    @Reference
    private SyncAdmin sync;

    @Reference
    private AuditLog audit;

    @Override
    public Object execute() throws Exception {
        String code = mission.strip().toUpperCase(java.util.Locale.ROOT);
        long queued = sync.resend(code);
        ConsoleActor.audit(audit, "sync.resend", code, queued + " record(s) queued");
        System.out.println(queued + " record(s) queued for " + code + ".");
        return null;
    }
}
