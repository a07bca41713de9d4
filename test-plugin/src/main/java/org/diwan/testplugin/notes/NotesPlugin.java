package org.diwan.testplugin.notes;

import java.util.List;

import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.plugin.NavEntry;
import org.diwan.api.plugin.PermissionDef;
import org.diwan.api.plugin.PluginDescriptor;
import org.osgi.service.component.annotations.Component;

/** The notes plugin's descriptor: two permissions and one page in the navigation. */
@Component(service = DiwanPlugin.class, property = DiwanPlugin.PLUGIN_PROPERTY + "=notes")
public final class NotesPlugin implements DiwanPlugin {

    static final String READ = "notes:note:read";
    static final String WRITE = "notes:note:write";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("notes", "note",
            List.of(new PermissionDef(READ),
                    new PermissionDef(WRITE)),
            List.of(new NavEntry("/diwan/notes", "notes.nav.notes", READ, 1)));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
