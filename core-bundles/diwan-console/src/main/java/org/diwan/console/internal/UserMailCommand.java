package org.diwan.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.diwan.api.security.AccountException;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.MailSettings;

@Command(scope = "diwan", name = "user-mail", description = "Sets or removes an account's e-mail address and whether its"
        + " notifications go there too (on unless --no-notify). Without an address, removes it. Audited.")
@Service
public class UserMailCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "the login name")
    private String name;

    @Argument(index = 1, name = "address", description = "the e-mail address, e.g. laila@example.org; none to remove it")
    private String address;

    @Option(name = "--no-notify", description = "keep notifications in Diwan only, not by e-mail")
    private boolean noNotify;

    @Reference
    private Accounts accounts;

    @Override
    public Object execute() {
        try {
            accounts.setMailSettings(name, new MailSettings(address, !noNotify), ConsoleActor.current());
        } catch (AccountException e) {
            System.err.println("Not changed: " + e.reason());
            return null;
        }
        MailSettings now = accounts.mailSettings(name);
        System.out.println(now.address() == null ? name.strip() + " has no e-mail address."
                : name.strip() + ": " + now.address() + ", notifications by e-mail " + (now.notifyByMail() ? "on" : "off") + ".");
        return null;
    }
}
