package org.diwan.web.internal;

import java.net.URL;
import java.util.Map;
import java.util.Optional;

import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.UrlTemplateResource;

/**
 * Resolves {@code <pluginId>/<name>} to {@code templates/<name>.html} inside the plugin's bundle. Names without
 * a slash are the shell's own and go to the next resolver. The entry is read from the bundle itself, never
 * through a class loader, so a plugin cannot shadow the shell's templates.
 */
final class PluginTemplateResolver implements ITemplateResolver {

    private final PluginBundles plugins;

    PluginTemplateResolver(PluginBundles plugins) {
        this.plugins = plugins;
    }

    @Override
    public String getName() {
        return "diwan-plugins";
    }

    @Override
    public Integer getOrder() {
        return 1;
    }

    @Override
    public TemplateResolution resolveTemplate(IEngineConfiguration configuration, String ownerTemplate, String template,
            Map<String, Object> templateResolutionAttributes) {
        Optional<URL> entry = entry(template);
        return entry.map(url -> new TemplateResolution(new UrlTemplateResource(url, "UTF-8"), true, TemplateMode.HTML, false,
                AlwaysValidCacheEntryValidity.INSTANCE)).orElse(null);
    }

    private Optional<URL> entry(String template) {
        int slash = template.indexOf('/');
        if (slash <= 0 || template.contains("..")) {
            return Optional.empty();
        }
        String name = template.substring(slash + 1);
        return plugins.bundle(template.substring(0, slash)).map(bundle -> bundle.getEntry("templates/" + name + ".html"));
    }
}
