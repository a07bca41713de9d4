package org.diwan.web.internal;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.osgi.service.component.annotations.Component;

/**
 * The shell's texts from {@code messages/messages_<lang>.properties} (UTF-8). A key missing in the asked
 * language falls back along {@link Language#fallbackChain()}; missing everywhere, the key itself shows.
 */
@Component(service = {Messages.class, MessageBundles.class})
public final class MessageBundles implements Messages {

    static final String BASE = "messages.messages";

    private final ClassLoader loader;

    public MessageBundles() {
        this(MessageBundles.class.getClassLoader());
    }

    MessageBundles(ClassLoader loader) {
        this.loader = loader;
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
        try {
            // No root bundle is shipped and the default locale is never consulted: each language stands alone.
            ResourceBundle bundle = ResourceBundle.getBundle(BASE, language.locale(), loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
