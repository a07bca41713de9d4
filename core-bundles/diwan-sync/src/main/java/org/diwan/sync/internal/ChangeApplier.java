package org.diwan.sync.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.diwan.api.validation.LogText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands received changes to their plugins, and parks what cannot be applied yet. A change is applied only when
 * it flows the way its type's owner allows (into headquarters for mission-owned types, into a mission for
 * headquarters-owned ones) and, on headquarters, only when the mission that sent it is the one it names and the
 * stored record it changes, if any, is that mission's ({@link OwnershipRule}). Received changes are applied one
 * batch at a time (receiving and retrying hold the same lock), so that no record changes owner between the
 * check and the apply.
 */
@Component(service = ChangeApplier.class)
public final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);
    private static final int RETRY_BATCH = 500;

    /** What became of a received change. */
    enum Outcome { APPLIED, STALE, PARKED }

    private final TypeRegistry types;
    private final ParkedStore parked;
    private final NodeInfo node;
    private final SyncActivity activity;
    private final Runnable retryOnArrival = this::retryDeferredQuietly;
    private volatile boolean deferredWaiting = true;

    @Activate
    public ChangeApplier(@Reference TypeRegistry types, @Reference(target = "(diwan.schema=sync)") DataSource dataSource,
            @Reference NodeInfo node, @Reference SyncActivity activity) {
        this(types, new ParkedStore(dataSource, Clock.systemUTC()), node, activity);
    }

    ChangeApplier(TypeRegistry types, ParkedStore parked, NodeInfo node, SyncActivity activity) {
        this.types = types;
        this.parked = parked;
        this.node = node;
        this.activity = activity;
        types.whenTypeArrives(retryOnArrival);
    }

    @Deactivate
    void deactivate() {
        types.stopListening(retryOnArrival);
    }

    /** A change as it arrived, with the mission its sender logged in as (headquarters) or {@code null} (a mission). */
    record Received(SyncChange change, String sender) {
    }

    /**
     * Applies or parks changes that arrived from the other side, in their order: consecutive changes of one type
     * go to their plugin together ({@link SyncedType#applyAll}), so that catching up costs one commit a batch.
     *
     * @return how many new versions were stored
     * @throws Exception when a plugin could not store them for a passing reason: the caller rolls the messages
     *                   back and they come again
     */
    synchronized int receiveAll(List<Received> batch) throws Exception {
        List<SyncChange> accepted = new ArrayList<>(batch.size());
        for (Received r : batch) {
            if (acceptable(r.change(), r.sender())) {
                accepted.add(r.change());
            }
        }
        int applied = 0;
        for (int from = 0; from < accepted.size();) {
            String type = accepted.get(from).type();
            int to = from;
            while (to < accepted.size() && accepted.get(to).type().equals(type)) {
                to++;
            }
            applied += applyRun(accepted.subList(from, to));
            from = to;
        }
        return applied;
    }

    private boolean acceptable(SyncChange change, String sender) {
        if (node.role() == NodeRole.HQ && (sender == null || !Objects.equals(sender, change.missionCode()))) {
            // Not data to keep: a mission's login sending another mission's records, or a message from no mission.
            LOG.error("Sync: change {} for mission {} refused: it was sent by '{}'", change.key(), change.missionCode(), sender);
            activity.failed("change " + change.key() + " refused", new SecurityException("sent by " + sender));
            return false;
        }
        if (node.role() == NodeRole.MISSION && change.missionCode() != null
                && !change.missionCode().equals(node.missionCode().orElse(null))) {
            LOG.error("Sync: change {} is for mission {}, not this one: refused", change.key(), change.missionCode());
            return false;
        }
        return true;
    }

    private int applyRun(List<SyncChange> received) throws Exception {
        List<SyncChange> run = received;
        Optional<SyncedType> type = types.find(run.get(0).type());
        if (type.isPresent() && type.get().owner() != node.role()) {
            run = ownedBySenders(type.get(), run);
            if (run.isEmpty()) {
                return 0;
            }
            List<Applied> results = null;
            try {
                results = type.get().applyAll(List.copyOf(run));
            } catch (RuntimeException refused) {
                LOG.debug("Sync: a batch of {} refused ({}); applying its changes one by one", run.get(0).type(), refused.getMessage());
            }
            if (results != null && results.size() == run.size()) {
                int applied = 0;
                for (int i = 0; i < run.size(); i++) {
                    if (results.get(i) == Applied.APPLIED) {
                        applied++;
                    } else if (results.get(i) == Applied.DEFERRED) {
                        park(run.get(i), ParkedStore.State.DEFERRED, "waits for a record it refers to");
                    }
                }
                return applied;
            }
        }
        // no plugin, the wrong side, or a refusal somewhere in the batch: each change on its own
        int applied = 0;
        for (SyncChange change : run) {
            if (applyOrPark(change) == Outcome.APPLIED) {
                applied++;
            }
        }
        return applied;
    }

    /**
     * On headquarters: the changes of the run their senders may make, in order; the others are set aside as
     * REFUSED. Elsewhere the run as it is: a mission takes headquarters' records from headquarters alone.
     */
    private List<SyncChange> ownedBySenders(SyncedType type, List<SyncChange> run) throws Exception {
        if (node.role() != NodeRole.HQ) {
            return run;
        }
        OwnershipRule.Sorted sorted;
        try {
            sorted = OwnershipRule.sort(type, run);
        } catch (RuntimeException e) {
            // a plugin's bug: whose the records are is unknown, so none is applied; the administrator sees why
            for (SyncChange change : run) {
                park(change, ParkedStore.State.FAILED, "its owner could not be read: " + e.getMessage());
            }
            return List.of();
        }
        for (OwnershipRule.Refusal refusal : sorted.refused()) {
            refuse(refusal);
        }
        return sorted.allowed();
    }

    private void refuse(OwnershipRule.Refusal refusal) throws Exception {
        SyncChange change = refusal.change();
        if (parked.park(change, ParkedStore.State.REFUSED, refusal.reason(), refusal.owner())) {
            warn(refusal);
        }
    }

    private static void warn(OwnershipRule.Refusal refusal) {
        SyncChange change = refusal.change();
        LOG.warn("Sync: mission {} sent {} {} (version {}), which belongs to {}: refused and set aside", change.missionCode(),
                change.type(), LogText.escaped(change.recordId()), change.version(), refusal.owner());
    }


    /**
     * After a batch of received changes: if some were applied and others wait, the ones waiting may have what
     * they refer to now. Once a batch, not once a change: a change that waits for long must not slow the rest.
     */
    void afterBatch(boolean appliedAny) {
        if (appliedAny && deferredWaiting) {
            retryDeferredQuietly();
        }
    }

    private Outcome applyOrPark(SyncChange change) throws Exception {
        Optional<SyncedType> type = types.find(change.type());
        if (type.isEmpty()) {
            park(change, ParkedStore.State.DEFERRED, "no plugin registers " + change.type() + " now");
            return Outcome.PARKED;
        }
        if (type.get().owner() == node.role()) {
            park(change, ParkedStore.State.FAILED, change.type() + " is owned by this side (" + node.role() + "): not taken from the other");
            return Outcome.PARKED;
        }
        try {
            Applied applied = type.get().apply(change);
            return switch (applied) {
                case APPLIED -> Outcome.APPLIED;
                case STALE -> Outcome.STALE;
                case DEFERRED -> {
                    park(change, ParkedStore.State.DEFERRED, "waits for a record it refers to");
                    yield Outcome.PARKED;
                }
            };
        } catch (RuntimeException e) {
            // refused (IllegalArgumentException) or a plugin's bug: trying again would fail again, so it is set
            // aside for an administrator; checked exceptions (the database) are passing and propagate
            park(change, ParkedStore.State.FAILED, String.valueOf(e.getMessage()));
            return Outcome.PARKED;
        }
    }

    private void park(SyncChange change, ParkedStore.State state, String why) throws Exception {
        if (parked.park(change, state, why)) {
            LOG.info("Sync: change {} parked ({}): {}", change.key(), state, why);
        }
        if (state == ParkedStore.State.DEFERRED) {
            deferredWaiting = true;
        }
    }

    /**
     * Offers parked changes to their plugins again, oldest first.
     *
     * @param includeFailed also those a plugin refused (an administrator's retry after a fix)
     * @return how many were applied (or found already applied) and left the parking
     */
    synchronized int retry(boolean includeFailed) throws Exception {
        int done = 0;
        boolean stillDeferred = false;
        for (ParkedStore.Entry entry : parked.list(includeFailed ? null : ParkedStore.State.DEFERRED, RETRY_BATCH)) {
            Optional<SyncedType> type = types.find(entry.change().type());
            if (type.isEmpty()) {
                stillDeferred = true;
                continue;
            }
            if (type.get().owner() == node.role()) {
                continue;
            }
            try {
                Optional<OwnershipRule.Refusal> refused = refusal(type.get(), entry.change());
                if (refused.isPresent()) {
                    // a change that waited while another mission's record took its id, or one refused before
                    parked.retried(entry.seq(), ParkedStore.State.REFUSED, refused.get().reason(), refused.get().owner());
                    if (entry.state() != ParkedStore.State.REFUSED) {
                        warn(refused.get());
                    }
                    continue;
                }
                Applied applied = type.get().apply(entry.change());
                if (applied == Applied.DEFERRED) {
                    parked.retried(entry.seq(), ParkedStore.State.DEFERRED, "waits for a record it refers to");
                    stillDeferred = true;
                } else {
                    parked.remove(entry.seq());
                    done++;
                }
            } catch (RuntimeException e) {
                parked.retried(entry.seq(), ParkedStore.State.FAILED, String.valueOf(e.getMessage()));
            }
        }
        deferredWaiting = stillDeferred;
        if (done > 0) {
            LOG.info("Sync: {} parked change(s) applied", done);
        }
        return done;
    }

    /** On headquarters, the refusal of a parked change whose record is another's now; elsewhere none. */
    private Optional<OwnershipRule.Refusal> refusal(SyncedType type, SyncChange change) throws Exception {
        if (node.role() != NodeRole.HQ) {
            return Optional.empty();
        }
        return OwnershipRule.sort(type, List.of(change)).refused().stream().findFirst();
    }

    private void retryDeferredQuietly() {
        try {
            retry(false);
        } catch (Exception e) {
            activity.failed("parked changes not retried", e);
        }
    }
}
