package org.diwan.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.diwan.api.plugin.PluginAdmin;

@Command(scope = "diwan", name = "plugin-uninstall", description = "Removes a department plugin; its data stays in the database.")
@Service
public class PluginUninstallCommand implements Action {

    @Reference
    private PluginAdmin plugins;

    @Argument(index = 0, name = "feature", description = "The plugin's feature, e.g. diwan-missions", required = true)
    private String feature;

    @Override
    public Object execute() throws Exception {
        plugins.uninstall(feature, ConsoleActor.current());
        return feature + " removed (its data is kept)";
    }
}
