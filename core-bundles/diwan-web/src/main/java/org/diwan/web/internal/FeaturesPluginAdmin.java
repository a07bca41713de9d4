package org.diwan.web.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.plugin.PluginAdmin;
import org.diwan.api.plugin.PluginFeature;
import org.diwan.api.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Department plugins through Karaf's FeaturesService. Installs run without refreshing bundles already
 * running: Derby and Artemis are embedded with many optional imports, and a refresh would restart the
 * broker or boot the database a second time.
 */
@Component(service = PluginAdmin.class)
public final class FeaturesPluginAdmin implements PluginAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FeaturesPluginAdmin.class);
    static final String PREFIX = "diwan-";
    /** Core features: never listed, never removable from the plugins page. */
    static final Set<String> CORE = Set.of("diwan-core", "diwan-all");

    private final FeaturesService features;
    private final AuditLog audit;

    @Activate
    public FeaturesPluginAdmin(@Reference FeaturesService features, @Reference AuditLog audit) {
        this.features = features;
        this.audit = audit;
    }

    @Override
    public List<PluginFeature> available() {
        Map<String, PluginFeature> byName = new TreeMap<>();
        try {
            for (Feature feature : features.listFeatures()) {
                if (isDepartment(feature.getName())) {
                    byName.put(feature.getName(), new PluginFeature(feature.getName(), feature.getDescription(),
                            features.isInstalled(feature)));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not list the features", e);
        }
        return List.copyOf(byName.values());
    }

    @Override
    public void install(String feature, Actor actor) throws Exception {
        requireAvailable(feature);
        long start = System.nanoTime();
        features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        LOG.info("Plugin {} installed in {} ms", feature, (System.nanoTime() - start) / 1_000_000);
        audit.record(new AuditEntry(Instant.now(), actor.username(), "plugin.install", feature, "", actor.address()));
    }

    @Override
    public void uninstall(String feature, Actor actor) throws Exception {
        requireAvailable(feature);
        features.uninstallFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        LOG.info("Plugin {} uninstalled; its data stays in the database", feature);
        audit.record(new AuditEntry(Instant.now(), actor.username(), "plugin.uninstall", feature, "data kept", actor.address()));
    }

    static boolean isDepartment(String name) {
        // diwan-tp-* (third-party libraries) and diwan-lib-* (Diwan's own optional services) are what plugins
        // share, not departments
        return name.startsWith(PREFIX) && !name.startsWith(PREFIX + "tp-") && !name.startsWith(PREFIX + "lib-") && !CORE.contains(name);
    }

    private void requireAvailable(String feature) {
        if (feature == null || available().stream().noneMatch(p -> p.feature().equals(feature))) {
            throw new IllegalArgumentException("not a department plugin: " + feature);
        }
    }
}
