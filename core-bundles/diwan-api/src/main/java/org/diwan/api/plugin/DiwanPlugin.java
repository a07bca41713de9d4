package org.diwan.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a department plugin registers as a Declarative Services component so that the shell finds it:
 * installing the plugin's feature adds its names, permissions and navigation; uninstalling removes them.
 * Register it with the service property {@value #PLUGIN_PROPERTY} set to the plugin's id.
 */
@ConsumerType
public interface DiwanPlugin {

    /** The service property every service a plugin contributes carries, valued with the plugin's id. */
    String PLUGIN_PROPERTY = "diwan.plugin";

    PluginDescriptor descriptor();
}
