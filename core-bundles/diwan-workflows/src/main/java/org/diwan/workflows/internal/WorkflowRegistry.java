package org.diwan.workflows.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.diwan.api.workflow.WorkflowDefinition;
import org.diwan.api.workflow.WorkflowProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definitions of the providers registered now, each remembered with the provider that brought it, so that a
 * provider's going takes its definitions (and only its own) with it.
 */
final class WorkflowRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowRegistry.class);

    private record Entry(WorkflowDefinition definition, WorkflowProvider provider) {
    }

    private final Map<String, Entry> definitions = new ConcurrentHashMap<>();

    /**
     * Adds the provider's definitions. A definition named outside the provider's plugin, or under a name another
     * provider already holds, is left out with an error in the log: a plugin cannot take over another's workflow.
     */
    void add(WorkflowProvider provider, String plugin) {
        List<WorkflowDefinition> offered;
        try {
            offered = provider.workflows();
        } catch (RuntimeException e) {
            LOG.error("workflow provider of plugin {} failed to list its workflows", plugin, e);
            return;
        }
        for (WorkflowDefinition definition : offered) {
            if (plugin != null && !definition.plugin().equals(plugin)) {
                LOG.error("plugin {} offers workflow {} outside its own name space: ignored", plugin, definition.name());
                continue;
            }
            Entry previous = definitions.putIfAbsent(definition.name(), new Entry(definition, provider));
            if (previous != null && previous.provider() != provider) {
                LOG.error("workflow {} is declared twice: the second declaration is ignored", definition.name());
            } else {
                LOG.info("workflow {} registered", definition.name());
            }
        }
    }

    void remove(WorkflowProvider provider) {
        definitions.values().removeIf(entry -> entry.provider() == provider);
    }

    Optional<WorkflowDefinition> find(String name) {
        Entry entry = name == null ? null : definitions.get(name);
        return entry == null ? Optional.empty() : Optional.of(entry.definition());
    }

    WorkflowDefinition require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown workflow: " + Inputs.quoted(name)
                + " (is its plugin installed and its WorkflowProvider registered?)"));
    }
}
