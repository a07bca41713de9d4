package org.diwan.testplugin.notes;

import java.util.List;

import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.plugin.NavEntry;
import org.diwan.api.plugin.PermissionDef;
import org.diwan.api.plugin.PluginDescriptor;
import org.diwan.api.workflow.Due;
import org.diwan.api.workflow.WorkflowDefinition;
import org.diwan.api.workflow.WorkflowProvider;
import org.osgi.service.component.annotations.Component;

/** The notes plugin's descriptor (three permissions, one page in the navigation) and its workflow. */
@Component(service = {DiwanPlugin.class, WorkflowProvider.class}, property = DiwanPlugin.PLUGIN_PROPERTY + "=notes")
public final class NotesPlugin implements DiwanPlugin, WorkflowProvider {

    static final String READ = "notes:note:read";
    static final String WRITE = "notes:note:write";
    static final String APPROVE = "notes:note:approve";
    /** A note is written as a draft, submitted, then approved or sent back to draft with a reason. */
    static final WorkflowDefinition FLOW = WorkflowDefinition.builder("notes.note")
            .states("draft", "submitted", "approved").initial("draft").finals("approved")
            .transition("submit", WRITE, "submitted", Due.workingDays(2), "draft")
            .transition("approve", APPROVE, "approved", null, "submitted")
            .commented("reject", APPROVE, "draft", null, "submitted").build();

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("notes", "note",
            List.of(new PermissionDef(READ), new PermissionDef(WRITE), new PermissionDef(APPROVE)),
            List.of(new NavEntry("/diwan/notes", "notes.nav.notes", READ, 1)));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<WorkflowDefinition> workflows() {
        return List.of(FLOW);
    }
}
