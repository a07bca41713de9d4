/**
 * Accounts, roles, logins, API tokens and the first-start setup. Implemented by diwan-security; used by the web shell,
 * the admin pages and the shell commands. Every method that changes something takes the {@link
 * org.diwan.api.security.Actor} that asks, for the audit trail.
 */
@Export
@Version("1.3.0")
package org.diwan.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
