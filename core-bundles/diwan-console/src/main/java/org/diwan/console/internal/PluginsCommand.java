package org.diwan.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.diwan.api.plugin.PluginAdmin;
import org.diwan.api.plugin.PluginFeature;

@Command(scope = "diwan", name = "plugins", description = "Lists the department plugins this node has, installed or not.")
@Service
public class PluginsCommand implements Action {

    @Reference
    private PluginAdmin plugins;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Plugin");
        table.column("State");
        table.column("Description");
        for (PluginFeature plugin : plugins.available()) {
            table.addRow().addContent(plugin.feature(), plugin.installed() ? "installed" : "available", plugin.description());
        }
        table.print(System.out);
        return null;
    }
}
