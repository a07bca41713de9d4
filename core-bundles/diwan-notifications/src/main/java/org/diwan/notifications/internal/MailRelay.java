package org.diwan.notifications.internal;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves notification mails from the outbox to the queue {@value #QUEUE} of the node's broker, oldest first, on a
 * thread of its own. Each mail is one persistent send that the broker confirms before the next; a batch leaves the
 * outbox only once all of it was confirmed, so while the broker is away the mails wait in the database. Each
 * message carries its row's duplicate id ({@code _AMQ_DUPL_ID}): a mail sent again after a stop between the
 * broker's confirmation and the delete is dropped by the broker. Not transacted on purpose: in a transaction such
 * a repeat would fail the commit of its whole batch, again at every attempt.
 *
 * <p>The message, for {@code notifications-mail.camel.yaml}: a TextMessage whose body is the HTML part, with the
 * string properties {@code To}, {@code Subject}, {@code DiwanLanguage} ({@code ar}, {@code en}, {@code fr}) and
 * {@code DiwanMailText} (the plain-text part).
 */
@Component(immediate = true, service = {}, configurationPid = "org.diwan.notifications")
@Designate(ocd = NotificationsConfig.class)
public final class MailRelay implements Runnable {

    static final String QUEUE = "diwan.mail.outgoing";
    static final String TEXT_PROPERTY = "DiwanMailText";
    static final String LANGUAGE_PROPERTY = "DiwanLanguage";
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    static final int BATCH = 50;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(MailRelay.class);

    private final MailOutbox outbox;
    private final ConnectionFactory factory;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean running = true;

    @Activate
    public MailRelay(@Reference(target = "(diwan.schema=notifications)") DataSource dataSource,
            @Reference(target = "(diwan.messaging=local)") ConnectionFactory factory, NotificationsConfig config) {
        this(new MailOutbox(dataSource), factory, config.relayIntervalMs());
        thread.start();
    }

    MailRelay(MailOutbox outbox, ConnectionFactory factory, long intervalMillis) {
        this.outbox = outbox;
        this.factory = factory;
        this.intervalMillis = Math.max(100, intervalMillis);
        this.thread = new Thread(this, "diwan-notifications-mail-relay");
        this.thread.setDaemon(true);
    }

    @Deactivate
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        long backoff = intervalMillis;
        while (running) {
            try {
                relayAll();
                backoff = intervalMillis;
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (JMSException | SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Notification mails wait in the outbox (retry in {} ms): {}", backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Sends everything queued now, batch by batch; returns how many mails it handed to the broker. */
    int relayAll() throws JMSException, SQLException {
        List<MailOutbox.Entry> entries = outbox.oldest(BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        int sent = 0;
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            while (!entries.isEmpty()) {
                for (MailOutbox.Entry entry : entries) {
                    producer.send(message(session, entry));
                }
                outbox.remove(entries);
                sent += entries.size();
                entries = entries.size() < BATCH ? List.of() : outbox.oldest(BATCH);
            }
        }
        LOG.info("{} notification mail(s) handed to {}", sent, QUEUE);
        return sent;
    }

    private static TextMessage message(Session session, MailOutbox.Entry entry) throws JMSException {
        OutgoingMail mail = entry.mail();
        TextMessage message = session.createTextMessage(mail.html());
        message.setStringProperty("To", mail.to());
        message.setStringProperty("Subject", mail.subject());
        message.setStringProperty(LANGUAGE_PROPERTY, mail.language().tag());
        message.setStringProperty(TEXT_PROPERTY, mail.text());
        message.setStringProperty(DUPLICATE_ID, "diwan-mail-" + entry.mailId());
        return message;
    }
}
