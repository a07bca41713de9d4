package org.diwan.itkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a department's test asks of the administrator's pages before it starts: roles with the department's
 * permissions, users in them, API tokens for a script. Through the pages a person uses, so the test goes through
 * the same checks; each step fails the test when the page refuses it.
 */
public final class AdminPages {

    /** The secret of a new token, shown once on the page that made it. */
    private static final Pattern SECRET = Pattern.compile("id=\"token-secret\" dir=\"ltr\">(dwn_[A-Za-z0-9_-]{43})<");

    private final WebClient admin;

    /** Pages used through {@code admin}, a client logged in as an administrator. */
    public AdminPages(WebClient admin) {
        this.admin = admin;
    }

    /** The node's own administrator ({@link DiwanNode#withAdmin}), logged in. */
    public static AdminPages of(DiwanNode node) throws Exception {
        return new AdminPages(WebClient.loggedIn(node));
    }

    public WebClient client() {
        return admin;
    }

    /** Makes the role {@code name}, or sets its permissions to exactly these. */
    public AdminPages role(String name, String... permissions) throws Exception {
        List<String> fields = new ArrayList<>(List.of("action", "saveRole", "roleName", name));
        for (String permission : permissions) {
            fields.add("permission");
            fields.add(permission);
        }
        admin.get("/admin/users");
        HttpResponse<String> saved = admin.postPairs("/admin/users", fields);
        assertThat(saved.statusCode()).as("role %s saved: %s", name, saved.body()).isEqualTo(302);
        return this;
    }

    /** Makes the user {@code username} with {@code role} (a role of {@link #role}, or none when {@code null}). */
    public AdminPages user(String username, String displayName, String password, String role) throws Exception {
        List<String> fields = new ArrayList<>(List.of("action", "createUser", "username", username, "displayName", displayName,
                "password", password));
        if (role != null) {
            fields.add("role");
            fields.add(role);
        }
        admin.get("/admin/users");
        HttpResponse<String> created = admin.postPairs("/admin/users", fields);
        assertThat(created.statusCode()).as("user %s created: %s", username, created.body()).isEqualTo(302);
        return this;
    }

    /**
     * Makes an API token for {@code owner}, valid 90 days, scoped to {@code permissions} (a subset of the owner's),
     * and returns its secret: the only time the page shows it.
     */
    public String token(String owner, String name, String... permissions) throws Exception {
        admin.get("/admin/tokens");
        List<String> fields = new ArrayList<>(List.of("action", "create", "owner", owner, "name", name, "days", "90"));
        for (String permission : permissions) {
            fields.add("permission");
            fields.add(permission);
        }
        HttpResponse<String> page = admin.postPairs("/admin/tokens", fields);
        assertThat(page.statusCode()).as("token %s made: %s", name, page.body()).isEqualTo(200);
        Matcher secret = SECRET.matcher(page.body());
        assertThat(secret.find()).as("the secret of token %s shown once", name).isTrue();
        return secret.group(1);
    }
}
