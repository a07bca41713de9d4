package org.diwan.sync.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record types plugins register, by name. Types come and go with their plugins: a change for a type whose
 * plugin is away waits (the outbox keeps it, the receiver parks it) until the plugin is back.
 */
@Component(service = TypeRegistry.class)
public final class TypeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(TypeRegistry.class);

    private final Map<String, SyncedType> types = new ConcurrentHashMap<>();
    private final List<Runnable> onArrival = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(SyncedType type) {
        register(type);
    }

    /** Adds a type (a service, or a table registered through {@code SyncedTables}); false when refused. */
    boolean register(SyncedType type) {
        String name = type.name();
        if (!SyncChange.isValidType(name)) {
            LOG.error("Sync type '{}' refused: names are '<plugin>.<record>' in a-z, 0-9, '-', '_'", name);
            return false;
        }
        SyncedType previous = types.putIfAbsent(name, type);
        if (previous != null) {
            LOG.error("Sync type {} registered twice: the second registration is ignored", name);
            return false;
        }
        LOG.info("Sync type {} (owned by {})", name, type.owner());
        onArrival.forEach(Runnable::run);
        return true;
    }

    void remove(SyncedType type) {
        types.remove(type.name(), type);
    }

    Optional<SyncedType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    List<SyncedType> all() {
        return types.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** Runs {@code listener} whenever a type arrives, so that changes waiting for it are offered again. */
    void whenTypeArrives(Runnable listener) {
        onArrival.add(listener);
    }

    void stopListening(Runnable listener) {
        onArrival.remove(listener);
    }
}
