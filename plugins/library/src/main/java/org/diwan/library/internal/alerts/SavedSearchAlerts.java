package org.diwan.library.internal.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.diwan.api.notification.Notifications;
import org.diwan.api.security.Accounts;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.SavedSearches;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails readers what is new in the saved searches they asked alerts for ({@link AlertRun}), every {@code interval}
 * minutes (a day by default). The clock ticks more often than the interval and each subscription is alerted when its
 * last alert is an interval old: a node restarted every night still alerts every day, and a longer downtime sends one
 * alert with everything since, not one per missed interval. Settings in {@code etc/org.diwan.library.alerts.cfg}.
 */
@Component(service = SavedSearchAlerts.class, immediate = true, configurationPid = SavedSearchAlerts.PID)
@Designate(ocd = SavedSearchAlerts.Config.class)
public final class SavedSearchAlerts {

    static final String PID = "org.diwan.library.alerts";
    private static final Logger LOG = LoggerFactory.getLogger(SavedSearchAlerts.class);
    /** The clock's longest tick: an alert is at most this late. */
    private static final Duration TICK = Duration.ofMinutes(10);

    @ObjectClassDefinition(name = "Diwan library saved-search alerts", description = "E-mail alerts of what is new in readers' saved searches.")
    public @interface Config {
        @AttributeDefinition(name = "Interval (minutes)", description = "How often a reader with alerts is mailed what is new in a saved"
                + " search: 1440 is daily. Nothing is sent when nothing is new.", min = "1", max = "44640")
        int intervalMinutes() default 1440;

        @AttributeDefinition(name = "Enabled", description = "Off, no alert is sent; changes made meanwhile come with the first alert after.")
        boolean enabled() default true;
    }

    private final ScheduledExecutorService timer;

    @Activate
    public SavedSearchAlerts(@Reference SavedSearches searches, @Reference Catalogue catalogue, @Reference Notifications notifications,
            @Reference Accounts accounts, Config config) {
        AlertRun run = new AlertRun(searches, catalogue, notifications, accounts, Clock.systemUTC());
        Duration interval = Duration.ofMinutes(Math.max(1, config.intervalMinutes()));
        // a quarter of the interval: an alert is at most that late (and never more than TICK)
        long tick = Math.max(1, Math.min(interval.toSeconds() / 4, TICK.toSeconds()));
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "diwan-library-alerts");
            thread.setDaemon(true);
            return thread;
        });
        if (config.enabled()) {
            timer.scheduleWithFixedDelay(() -> {
                try {
                    int sent = run.run(interval);
                    if (sent > 0) {
                        LOG.info("library: {} saved-search alerts sent", sent);
                    }
                } catch (Exception e) {
                    // the windows not claimed stay open: the next tick tries them again
                    LOG.error("library: saved-search alerts could not run: {}", e.toString());
                }
            }, tick, tick, TimeUnit.SECONDS);
        }
        LOG.info("library: saved-search alerts {} every {} minutes", config.enabled() ? "on," : "off; would be", interval.toMinutes());
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
