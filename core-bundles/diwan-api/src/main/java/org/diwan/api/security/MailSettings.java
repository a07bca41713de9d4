package org.diwan.api.security;

/**
 * An account's e-mail address and whether its owner wants notifications by e-mail as well as in the inbox.
 * Kept beside {@link Account} rather than in it, so that the record stays as callers know it.
 *
 * @param address the address as {@link AccountRules#normalizeMailAddress(String)} left it, or null for none
 * @param notifyByMail also send notifications by e-mail; on by default, meaningless without an address
 */
public record MailSettings(String address, boolean notifyByMail) {

    /** No address: notifications stay in the inbox. */
    public static final MailSettings NONE = new MailSettings(null, true);

    /** True when notifications go by e-mail too: an address is set and its owner did not turn mail off. */
    public boolean wantsNotificationMail() {
        return address != null && notifyByMail;
    }
}
