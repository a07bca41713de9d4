package org.diwan.api.i18n;

import java.util.LinkedHashMap;
import java.util.Map;

import org.diwan.api.validation.FieldError;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Looks up interface texts in the message bundles ({@code messages_ar/en/fr.properties}) of core and of the
 * installed plugins. A key missing in the requested language falls back along {@link Language#fallbackChain()};
 * a key missing everywhere comes back as itself, so a gap shows on screen instead of failing the page.
 */
@ProviderType
public interface Messages {

    /**
     * @param key  the message key, such as {@code login.error.credentials}
     * @param args values for the {@link java.text.MessageFormat} placeholders of the message
     */
    String get(String key, Language language, Object... args);

    /** A form's refusals ({@code Validation.errors()}), field by field, in the language: the texts shown beside the fields. */
    default Map<String, String> fieldErrors(Map<String, FieldError> errors, Language language) {
        Map<String, String> texts = new LinkedHashMap<>();
        errors.forEach((field, error) -> texts.put(field, get(error.messageKey(), language, error.args().toArray())));
        return texts;
    }
}
