package org.diwan.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.MailSettings;

@Command(scope = "diwan", name = "users", description = "Lists the node's accounts with their roles, language and e-mail address.")
@Service
public class UsersCommand implements Action {

    @Reference
    private Accounts accounts;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Login");
        table.column("Name");
        table.column("Roles");
        table.column("Language");
        table.column("Enabled");
        table.column("E-mail (notifications)");
        for (Account account : accounts.list()) {
            table.addRow().addContent(account.username(), account.displayName(), String.join(",", account.roles()),
                    account.language().tag(), account.enabled() ? "yes" : "no", mail(accounts.mailSettings(account.username())));
        }
        table.print(System.out);
        return null;
    }

    private static String mail(MailSettings settings) {
        return settings.address() == null ? "" : settings.address() + (settings.notifyByMail() ? " (on)" : " (off)");
    }
}
