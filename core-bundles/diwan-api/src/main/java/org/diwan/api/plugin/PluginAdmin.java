package org.diwan.api.plugin;

import java.util.List;

import org.diwan.api.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs and removes department plugins at runtime. Core features are not listed and cannot be removed.
 * Installing never refreshes bundles already running (the database and the broker keep running untouched);
 * uninstalling removes the plugin's bundles and never its data.
 */
@ProviderType
public interface PluginAdmin {

    /** The department features the node knows, installed or not, by name. */
    List<PluginFeature> available();

    /** @throws IllegalArgumentException when the name is not an available department feature */
    void install(String feature, Actor actor) throws Exception;

    /** @throws IllegalArgumentException when the name is not an available department feature */
    void uninstall(String feature, Actor actor) throws Exception;
}
