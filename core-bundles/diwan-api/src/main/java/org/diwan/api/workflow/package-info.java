/**
 * Workflows of the department kit: small state machines over a plugin's records (an accreditation, a helpdesk
 * ticket, a translation job, minutes). A plugin declares each {@link org.diwan.api.workflow.WorkflowDefinition} in
 * Java and offers it as a {@link org.diwan.api.workflow.WorkflowProvider} service; the shell's
 * {@link org.diwan.api.workflow.Workflows} keeps each record's state, who moved it when and why, and its due date on
 * the node's working calendar, in the caller's transaction.
 */
@Export
@Version("1.0.0")
package org.diwan.api.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
