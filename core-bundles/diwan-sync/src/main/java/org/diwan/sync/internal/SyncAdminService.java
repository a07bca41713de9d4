package org.diwan.sync.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncAdmin;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncReport;
import org.diwan.api.sync.SyncedType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The administrator's view of sync and the two things they can do: resend to a mission, retry parked changes. */
@Component(service = SyncAdmin.class)
public final class SyncAdminService implements SyncAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(SyncAdminService.class);
    private static final int FAILED_SHOWN = 50;

    private final DataSource dataSource;
    private final OutboxStore outbox;
    private final ParkedStore parked;
    private final TypeRegistry types;
    private final ChangeApplier applier;
    private final SyncActivity activity;
    private final NodeInfo node;
    private final Clock clock;

    @Activate
    public SyncAdminService(@Reference(target = "(diwan.schema=sync)") DataSource dataSource, @Reference TypeRegistry types,
            @Reference ChangeApplier applier, @Reference SyncActivity activity, @Reference NodeInfo node) {
        this(dataSource, types, applier, activity, node, Clock.systemUTC());
    }

    SyncAdminService(DataSource dataSource, TypeRegistry types, ChangeApplier applier, SyncActivity activity, NodeInfo node,
            Clock clock) {
        this.dataSource = dataSource;
        this.outbox = new OutboxStore(dataSource);
        this.parked = new ParkedStore(dataSource, clock);
        this.types = types;
        this.applier = applier;
        this.activity = activity;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public SyncReport report() {
        try {
            return new SyncReport(types.all().stream().map(t -> t.name() + " (" + t.owner().name().toLowerCase() + ")").toList(),
                    outbox.count(), activity.sentCount(), activity.receivedCount(), activity.lastAt(SyncActivity.SENT),
                    activity.lastAt(SyncActivity.RECEIVED), parked.count(ParkedStore.State.DEFERRED), parked.failed(FAILED_SHOWN),
                    activity.lastError());
        } catch (SQLException e) {
            throw new IllegalStateException("sync state not readable: " + e.getMessage(), e);
        }
    }

    @Override
    public long resend(String missionCode) throws Exception {
        if (node.role() != NodeRole.HQ) {
            throw new IllegalStateException("only headquarters resends: a mission's changes leave by themselves");
        }
        String resendId = UUID.randomUUID().toString();
        AtomicLong queued = new AtomicLong();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (SyncedType type : types.all()) {
                    if (type.owner() != NodeRole.HQ) {
                        continue;
                    }
                    type.export(missionCode, change -> {
                        try {
                            OutboxStore.insert(c, new SyncChange(change.type(), change.recordId(), change.version(), missionCode,
                                    change.payload()), resendId, clock);
                            queued.incrementAndGet();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        activity.ring();
        LOG.info("Sync: {} record(s) queued again for mission {}", queued.get(), missionCode);
        return queued.get();
    }

    @Override
    public SortedMap<String, String> inventory(String type, String missionCode) throws Exception {
        SyncedType synced = types.find(type).orElseThrow(() -> new IllegalArgumentException("no plugin registers " + type + " now"));
        SortedMap<String, String> records = new TreeMap<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        synced.export(missionCode, change -> records.put(change.recordId(), change.version() + " "
                + HexFormat.of().formatHex(sha256.digest(String.valueOf(change.payload()).getBytes(StandardCharsets.UTF_8)))));
        return records;
    }

    @Override
    public int retryParked() {
        try {
            return applier.retry(true);
        } catch (Exception e) {
            throw new IllegalStateException("parked changes not retried: " + e.getMessage(), e);
        }
    }
}
