package org.diwan.missions.internal.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.diwan.api.documents.Documents;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.SyncedTables;
import org.diwan.api.sync.TableRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Registers the department's synced tables (all but the bulletins') while the plugin runs. */
@Component(service = MissionTables.class, immediate = true)
public final class MissionTables {

    private final List<SyncedTables.Registration> registrations = new ArrayList<>();

    @Activate
    public MissionTables(@Reference SyncedTables tables, @Reference(target = "(diwan.schema=missions)") DataSource dataSource,
            @Reference Documents documents) {
        try {
            for (Map.Entry<SyncedTable, TableRules> table : MissionRules.of(documents).entrySet()) {
                registrations.add(tables.register(table.getKey(), dataSource, table.getValue()));
            }
        } catch (RuntimeException e) {
            deactivate();
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(SyncedTables.Registration::close);
        registrations.clear();
    }
}
