package org.diwan.persistence.internal;

import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the scripts read from a bundle. Flyway's own classpath scanning would look in the class
 * loader of this bundle, where Flyway is embedded, instead of the bundle that owns the migrations.
 */
final class ScriptResourceProvider implements ResourceProvider {

    private final String location;
    private final List<MigrationScript> scripts;

    ScriptResourceProvider(String location, List<MigrationScript> scripts) {
        this.location = location;
        this.scripts = List.copyOf(scripts);
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.stream().filter(s -> s.fileName().equals(name) || path(s).equals(name))
                .findFirst().map(this::resource).orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scripts.stream()
                .filter(s -> s.fileName().startsWith(prefix))
                .filter(s -> Arrays.stream(suffixes).anyMatch(s.fileName()::endsWith))
                .map(this::resource)
                .toList();
    }

    private String path(MigrationScript script) {
        return location + "/" + script.fileName();
    }

    private LoadableResource resource(MigrationScript script) {
        String path = path(script);
        return new LoadableResource() {
            @Override
            public Reader read() {
                return new StringReader(script.sql());
            }

            @Override
            public String getAbsolutePath() {
                return path;
            }

            @Override
            public String getAbsolutePathOnDisk() {
                return path;
            }

            @Override
            public String getFilename() {
                return script.fileName();
            }

            @Override
            public String getRelativePath() {
                return path;
            }
        };
    }
}
