package org.diwan.library.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.diwan.library.internal.authority.AuthorityKind;
import org.diwan.library.internal.catalogue.AccessLevel;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.catalogue.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text the library's pages show exists in Arabic, English and French. */
class LibraryMessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{(library\\.[A-Za-z0-9.\\-]+)");

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LibraryMessagesTest.class.getResourceAsStream("/messages/messages_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theThreeLanguagesHaveTheSameKeys() throws IOException {
        Set<String> ar = new TreeSet<>(bundle("ar").stringPropertyNames());
        assertThat(bundle("en").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ar);
        assertThat(bundle("fr").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ar);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en", "fr"})
    void everyKeyThePagesNameExists(String language) throws IOException {
        Properties texts = bundle(language);
        List<String> keys = new ArrayList<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        for (RecordType t : RecordType.values()) {
            keys.add("library.type." + t.name());
        }
        for (AccessLevel l : AccessLevel.values()) {
            keys.add("library.access." + l.name());
        }
        for (AuthorityKind k : AuthorityKind.values()) {
            keys.add("library.kind." + k.name());
        }
        for (Role r : Role.values()) {
            keys.add("library.role." + r.name());
            keys.add("library.field." + r.name().toLowerCase(Locale.ROOT));
        }
        for (String facet : List.of("type", "body", "year", "language", "subject", "country", "author")) {
            keys.add("library.facet." + facet);
        }
        CatalogueViews.ADVANCED.forEach(f -> keys.add("library.field." + f));
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(texts.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void frenchApostrophesAreTypographicSoThatMessageFormatKeepsThem() throws IOException {
        assertThat(bundle("fr").values()).allSatisfy(text -> assertThat(text.toString()).doesNotContain("'"));
    }
}
