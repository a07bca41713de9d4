package org.diwan.missions.internal.demo;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demonstration data when an administrator asks for it with {@code etc/org.diwan.missions.demo.cfg}
 * (what {@code ./run.sh --demo} writes), and only into an empty registry: real records are never mixed with
 * generated ones. Loads in the background so that the plugin starts at once.
 */
@Component(configurationPid = DemoLoader.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoLoader.Config.class)
public final class DemoLoader {

    static final String PID = "org.diwan.missions.demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    @ObjectClassDefinition(name = "Diwan missions demonstration data")
    public @interface Config {
        @AttributeDefinition(description = "Pieces of correspondence to generate")
        int correspondence() default 3000;

        @AttributeDefinition(description = "Spread over this many days before today")
        int days() default 730;

        @AttributeDefinition(description = "Seed of the generator: the same seed gives the same data")
        long seed() default 2026;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "diwan-missions-demo"));

    @Activate
    public DemoLoader(@Reference(target = "(diwan.schema=missions)") DataSource data, Config config, @Reference NodeInfo node,
            @Reference MissionsSync sync) {
        if (node.role() == NodeRole.MISSION) {
            // a mission's directory comes from headquarters; demonstration offices of its own would clash with it
            LOG.info("Demonstration data not loaded: this is a mission node");
            return;
        }
        executor.submit(() -> load(data, config, sync));
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static void load(DataSource data, Config config, MissionsSync sync) {
        try {
            MissionStore missions = new MissionStore(data, Clock.systemUTC(), sync);
            if (missions.find(new MissionQuery(null, null, null, null, null, false, 0, 1)).total() > 0) {
                LOG.info("Demonstration data not loaded: the missions registry already holds records");
                return;
            }
            long start = System.nanoTime();
            DemoData demo = new DemoData(config.seed());
            List<Mission> created = demo.missions(missions, "demo");
            demo.correspondence(new CorrespondenceStore(data, Clock.systemUTC()), created, config.correspondence(), LocalDate.now(),
                    config.days(), "demo");
            LOG.info("Demonstration data loaded: {} offices, {} pieces of correspondence in {} s", created.size(), config.correspondence(),
                    (System.nanoTime() - start) / 1_000_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Demonstration data not loaded", e);
        }
    }
}
