package org.diwan.missions.internal.sync;

import javax.sql.DataSource;

import org.diwan.api.sync.Applied;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedTables;
import org.diwan.api.sync.TableRules;
import org.diwan.missions.internal.bulletin.BulletinService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers issued bulletins (MIS-4): the mission stores the bulletin and its included items, then renders its own
 * HTML and PDF from them with the same code headquarters used, so only the texts travel. Apart from
 * {@link MissionTables} because the bulletin service captures through {@link MissionsSync}.
 */
@Component(service = BulletinTable.class, immediate = true)
public final class BulletinTable {

    private final SyncedTables.Registration registration;

    @Activate
    public BulletinTable(@Reference SyncedTables tables, @Reference(target = "(diwan.schema=missions)") DataSource dataSource,
            @Reference BulletinService bulletins) {
        registration = tables.register(MissionsSync.BULLETINS, dataSource, rules(bulletins));
    }

    /**
     * Rendered after the commit: the documents service writes files, which no transaction undoes. A crash in
     * between leaves a stored bulletin without documents, which the next delivery (or a resend) renders.
     */
    static TableRules rules(BulletinService bulletins) {
        return new TableRules() {
            @Override
            public Applied afterCommit(SyncChange change, Applied applied) throws Exception {
                if (applied == Applied.APPLIED || applied == Applied.STALE && !bulletins.hasDocuments(change.recordId())) {
                    bulletins.renderReceived(change.recordId());
                    return Applied.APPLIED;
                }
                return applied;
            }
        };
    }

    @Deactivate
    void deactivate() {
        registration.close();
    }
}
