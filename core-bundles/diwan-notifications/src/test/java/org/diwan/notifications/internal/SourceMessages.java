package org.diwan.notifications.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;

/**
 * The real message files of the shell (diwan-web) and of the missions plugin, read from the source tree and looked
 * up as the shell's {@code MessageBundles} does: a {@code missions.*} key in the plugin's file first, then the
 * shell's, along the language's fallback chain.
 */
final class SourceMessages implements Messages {

    private static final Path ROOT = Path.of("..", "..");
    private final Map<String, Properties> files = new HashMap<>();

    @Override
    public String get(String key, Language language, Object... args) {
        for (Language candidate : language.fallbackChain()) {
            String pattern = key.startsWith("missions.") ? texts("plugins/missions", candidate).getProperty(key) : null;
            if (pattern == null) {
                pattern = texts("core-bundles/diwan-web", candidate).getProperty(key);
            }
            if (pattern != null) {
                return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
            }
        }
        return key;
    }

    private Properties texts(String module, Language language) {
        return files.computeIfAbsent(module + "/" + language.tag(), k -> {
            Properties texts = new Properties();
            Path file = ROOT.resolve(module).resolve("src/main/resources/messages/messages_" + language.tag() + ".properties");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                texts.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return texts;
        });
    }
}
