package org.diwan.api.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.LocalizedText;

/**
 * The ISO 3166-1 countries with their Arabic, English and French names, read from the list shipped in this
 * bundle ({@code countries.tsv}). The list is immutable; {@link #standard()} reads it once per call site that
 * keeps the instance, which is cheap enough for components that hold it as a field.
 */
public final class Countries {

    private static final String RESOURCE = "countries.tsv";

    private final Map<String, Country> byCode;
    /** Sorting 249 names with a collator costs more than a page's query: done once per language. */
    private final Map<Language, List<Country>> sorted = new java.util.concurrent.ConcurrentHashMap<>();

    private Countries(Map<String, Country> byCode) {
        this.byCode = byCode;
    }

    /** The shipped list. */
    public static Countries standard() {
        try (InputStream in = Countries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from " + Countries.class.getPackageName());
            }
            return new Countries(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Country> parse(BufferedReader reader) throws IOException {
        Map<String, Country> countries = new LinkedHashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalStateException("malformed line in " + RESOURCE + ": " + line);
            }
            countries.put(f[0], new Country(f[0], f[1], "1".equals(f[2]), LocalizedText.of(f[3], f[4], f[5]), Region.valueOf(f[6])));
        }
        return Map.copyOf(countries);
    }

    /** The country with this alpha-2 code, in any letter case. */
    public Optional<Country> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The region of the country with this code; its continent is unknown for an unknown code, so empty then. */
    public Optional<Region> region(String code) {
        return byCode(code).map(Country::region);
    }

    /** Whether the code names a country in the list. */
    public boolean isKnown(String code) {
        return byCode(code).isPresent();
    }

    /** The name of the country with this code in the language, or the code itself when it is unknown. */
    public String name(String code, Language language) {
        return byCode(code).map(c -> c.name().in(language)).orElse(code);
    }

    /** Every country, sorted by its name in the language, as a person reading that language expects. */
    public List<Country> sortedFor(Language language) {
        return sorted.computeIfAbsent(language, l -> {
            Collator collator = Collator.getInstance(l.locale());
            return byCode.values().stream().sorted(Comparator.comparing((Country c) -> c.name().in(l), collator)).toList();
        });
    }

    public int size() {
        return byCode.size();
    }
}
