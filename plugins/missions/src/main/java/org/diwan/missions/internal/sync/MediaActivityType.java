package org.diwan.missions.internal.sync;

import javax.sql.DataSource;

import org.diwan.api.sync.SyncedType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The media plan's activities (MIS-7), planned and reported by a mission and copied to headquarters. */
@Component(service = SyncedType.class)
public final class MediaActivityType extends MissionRowType {

    @Activate
    public MediaActivityType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        super(dataSource, MissionsSync.MEDIA_ACTIVITIES, "planned_on, id");
    }

    @Override
    public String name() {
        return MissionsSync.MEDIA;
    }
}
