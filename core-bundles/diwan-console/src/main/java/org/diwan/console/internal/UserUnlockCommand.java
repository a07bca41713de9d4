package org.diwan.console.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.diwan.api.security.Lockout;
import org.diwan.api.security.Lockouts;

@Command(scope = "diwan", name = "user-unlock", description = "Lifts every login lock of a name: its failed logins so far stop"
        + " counting. Without a name, lists the locks in force. Audited.")
@Service
public class UserUnlockCommand implements Action {

    @Argument(name = "name", description = "the login name to unlock")
    private String name;

    @Reference
    private Lockouts lockouts;

    @Override
    public Object execute() {
        if (name == null || name.isBlank()) {
            List<Lockout> locks = lockouts.current();
            if (locks.isEmpty()) {
                System.out.println("No login lock is in force.");
                return null;
            }
            ShellTable table = new ShellTable();
            table.column("Login");
            table.column("Locked for");
            table.column("Until");
            for (Lockout lock : locks) {
                String where = String.join(", ", lock.addresses()) + (lock.accountWide() ? " + addresses never used to log in" : "");
                table.addRow().addContent(lock.username(), where, lock.until().toString());
            }
            table.print(System.out);
            return null;
        }
        boolean wasLocked = lockouts.unlock(name, ConsoleActor.current());
        System.out.println(wasLocked ? "Unlocked " + name.strip() + "."
                : name.strip() + " had no lock in force; its earlier failed logins no longer count.");
        return null;
    }
}
