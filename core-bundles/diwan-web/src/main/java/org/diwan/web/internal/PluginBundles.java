package org.diwan.web.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.diwan.api.plugin.DiwanPlugin;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Which bundle holds each installed plugin's templates and message bundles. The generation number changes
 * whenever a plugin comes or goes, so that caches of its templates and texts are dropped: a reinstalled
 * plugin shows its new pages, not the old ones.
 */
@Component(service = PluginBundles.class)
public final class PluginBundles {

    private final Map<String, Bundle> byId = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    @Reference(service = DiwanPlugin.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlugin(ServiceReference<DiwanPlugin> plugin) {
        Object id = plugin.getProperty(DiwanPlugin.PLUGIN_PROPERTY);
        Bundle bundle = plugin.getBundle();
        if (id != null && bundle != null) {
            byId.put(id.toString(), bundle);
            generation.incrementAndGet();
        }
    }

    void removePlugin(ServiceReference<DiwanPlugin> plugin) {
        Object id = plugin.getProperty(DiwanPlugin.PLUGIN_PROPERTY);
        if (id != null) {
            byId.remove(id.toString());
            generation.incrementAndGet();
        }
    }

    Optional<Bundle> bundle(String pluginId) {
        return Optional.ofNullable(byId.get(pluginId));
    }

    long generation() {
        return generation.get();
    }
}
