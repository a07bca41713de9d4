package org.diwan.api.plugin;

import java.util.Objects;

/**
 * A department plugin as the admin's plugins page lists it: a Karaf feature named {@code diwan-<plugin>}.
 *
 * @param feature     the feature's name
 * @param description the feature's description
 * @param installed   whether it is installed now
 */
public record PluginFeature(String feature, String description, boolean installed) {

    public PluginFeature {
        Objects.requireNonNull(feature, "feature");
        description = description == null ? "" : description;
    }
}
