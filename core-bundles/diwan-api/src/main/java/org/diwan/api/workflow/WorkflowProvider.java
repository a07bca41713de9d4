package org.diwan.api.workflow;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's workflows, offered as an OSGi service with {@code diwan.plugin=<plugin id>}: {@link Workflows} knows
 * them while the service is registered and forgets them when it goes (the plugin stopped or was removed). Each
 * definition's name starts with the plugin's id. The states already stored stay in the database.
 */
@ConsumerType
public interface WorkflowProvider {

    List<WorkflowDefinition> workflows();
}
