package org.diwan.missions.internal.sync;

import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.sync.SyncedType;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Correspondence and reports (MIS-2), registered by a mission and copied to headquarters. A batch is stored in
 * one transaction: what makes a mission's catching up after an outage fast. Each node folds its own search key
 * from the row's text.
 */
@Component(service = SyncedType.class)
public final class CorrespondenceType extends MissionRowType {

    @Activate
    public CorrespondenceType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        super(dataSource, MissionsSync.LETTERS, "document_date, id");
    }

    @Override
    public String name() {
        return MissionsSync.CORRESPONDENCE;
    }

    @Override
    void derive(ObjectNode row, Map<String, Object> local) {
        local.put("search_key", CorrespondenceStore.searchKey(row.path("reference_no").asText(), row.path("subject").asText(),
                text(row, "summary"), text(row, "counterpart_name")));
    }

    private static String text(ObjectNode row, String column) {
        return row.path(column).isTextual() ? row.path(column).asText() : null;
    }
}
