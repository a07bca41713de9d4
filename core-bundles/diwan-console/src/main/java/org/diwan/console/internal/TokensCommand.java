package org.diwan.console.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.diwan.api.security.ApiToken;
import org.diwan.api.security.ApiTokens;

@Command(scope = "diwan", name = "tokens", description = "Lists the API tokens (never their text), of one owner or all;"
        + " with --revoke <id>, revokes one (audited). Tokens are made on the web pages only: their text is shown once.")
@Service
public class TokensCommand implements Action {

    @Argument(name = "owner", description = "only this user's tokens")
    private String owner;

    @Option(name = "--revoke", description = "the id of the token to revoke")
    private String revoke;

    @Reference
    private ApiTokens tokens;

    @Override
    public Object execute() {
        if (revoke != null) {
            UUID id;
            try {
                id = UUID.fromString(revoke.strip());
            } catch (IllegalArgumentException notAnId) {
                // not echoed: it may be a token's text pasted by mistake
                System.out.println("Not a token id: give the id diwan:tokens lists, not the token itself.");
                return null;
            }
            Optional<ApiToken> token = tokens.listAll().stream().filter(t -> t.id().equals(id)).findFirst();
            boolean revoked = token.isPresent() && tokens.revoke(id, token.get().owner(), ConsoleActor.current());
            System.out.println(revoked ? "Revoked token " + id + " of " + token.get().owner() + "."
                    : "Nothing revoked: no active token " + id + ".");
            return null;
        }
        List<ApiToken> shown = owner == null || owner.isBlank() ? tokens.listAll() : tokens.list(owner);
        if (shown.isEmpty()) {
            System.out.println("No API tokens.");
            return null;
        }
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Owner", "Name", "Scope", "Expires", "Last used", "State")) {
            table.column(column);
        }
        for (ApiToken t : shown) {
            String state = t.revokedAt().isPresent() ? "revoked" : t.activeAt(now) ? "active" : "expired";
            table.addRow().addContent(t.id().toString(), t.owner(), t.name().replaceAll("\\p{Cntrl}", "?"), String.join(" ", t.scope()),
                    t.expiresAt().toString(), t.lastUsedAt().map(Instant::toString).orElse("never"), state);
        }
        table.print(System.out);
        return null;
    }
}
