package org.diwan.notifications.internal;

import org.diwan.api.i18n.Language;

/** One notification mail as rendered for its recipient: what the mail route needs, nothing to look up later. */
record OutgoingMail(String to, String subject, Language language, String text, String html) {
}
