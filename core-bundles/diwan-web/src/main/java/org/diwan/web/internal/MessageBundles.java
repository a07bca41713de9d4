package org.diwan.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The texts of the shell and of the installed plugins, from {@code messages/messages_<lang>.properties}
 * (UTF-8). A key starting with an installed plugin's id and a dot ({@code missions.registry.title}) is looked
 * up in that plugin's bundle first, then in the shell's; any other key in the shell's. A key missing in the
 * asked language falls back along {@link Language#fallbackChain()}; missing everywhere, the key itself shows.
 */
@Component(service = {Messages.class, MessageBundles.class})
public final class MessageBundles implements Messages {

    static final String BASE = "messages.messages";
    private static final Logger LOG = LoggerFactory.getLogger(MessageBundles.class);

    private final ClassLoader loader;
    private final PluginBundles plugins;
    private final Map<String, Properties> pluginTexts = new ConcurrentHashMap<>();
    private final AtomicLong loadedGeneration = new AtomicLong(-1);

    @Activate
    public MessageBundles(@Reference PluginBundles plugins) {
        this(MessageBundles.class.getClassLoader(), plugins);
    }

    MessageBundles(ClassLoader loader, PluginBundles plugins) {
        this.loader = loader;
        this.plugins = plugins;
    }

    @Override
    public String get(String key, Language language, Object... args) {
        for (Language candidate : language.fallbackChain()) {
            String pattern = lookup(key, candidate);
            if (pattern != null) {
                return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
            }
        }
        return key;
    }

    /** True when the key exists in the language itself, without fallback. */
    boolean has(String key, Language language) {
        return lookup(key, language) != null;
    }

    private String lookup(String key, Language language) {
        Optional<Bundle> plugin = pluginOf(key);
        if (plugin.isPresent()) {
            String text = pluginTexts(plugin.get(), language).getProperty(key);
            if (text != null) {
                return text;
            }
        }
        try {
            // No root bundle is shipped and the default locale is never consulted: each language stands alone.
            ResourceBundle bundle = ResourceBundle.getBundle(BASE, language.locale(), loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private Optional<Bundle> pluginOf(String key) {
        int dot = key.indexOf('.');
        return dot <= 0 || plugins == null ? Optional.empty() : plugins.bundle(key.substring(0, dot));
    }

    private Properties pluginTexts(Bundle bundle, Language language) {
        long generation = plugins.generation();
        if (loadedGeneration.getAndSet(generation) != generation) {
            pluginTexts.clear();
        }
        return pluginTexts.computeIfAbsent(bundle.getBundleId() + "/" + language.tag(), k -> read(bundle, language));
    }

    private static Properties read(Bundle bundle, Language language) {
        Properties texts = new Properties();
        URL entry = bundle.getEntry("messages/messages_" + language.tag() + ".properties");
        if (entry != null) {
            try (InputStream in = entry.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            } catch (IOException e) {
                LOG.error("Messages of plugin bundle {} in {} unreadable", bundle.getSymbolicName(), language.tag(), e);
            }
        }
        return texts;
    }
}
