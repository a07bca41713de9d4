package org.diwan.missions.internal.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;

/**
 * Reads an office from submitted fields (the web form's or the API's JSON, same names) and says what is wrong,
 * field by field. Field names: code, type, country, city, nameAr, nameEn, nameFr, head, email, phone, address,
 * status, reportEveryDays (1-366, default 30).
 */
public final class MissionForm {

    private static final Set<String> TYPES = names(MissionType.values());
    private static final Set<String> STATUSES = names(MissionStatus.values());

    /** A mission that says nothing else is expected to report monthly. */
    public static final int DEFAULT_REPORT_EVERY_DAYS = 30;

    private final Countries countries;

    public MissionForm(Countries countries) {
        this.countries = countries;
    }

    /** The draft, or null when {@code validation} holds errors afterwards. */
    public MissionDraft read(Map<String, String> fields, Validation v) {
        String code = v.requiredLine("code", upper(fields.get("code")), 16);
        if (code != null && !code.matches("[A-Z0-9-]{2,16}")) {
            v.reject("code", "missions.validation.code");
        }
        String type = v.choice("type", upper(fields.get("type")), TYPES, true);
        String country = v.requiredLine("country", upper(fields.get("country")), 2);
        if (country != null && !countries.isKnown(country)) {
            v.reject("country", "validation.country");
        }
        String city = v.requiredLine("city", fields.get("city"), 100);
        String nameAr = v.requiredLine("nameAr", fields.get("nameAr"), 200);
        String nameEn = v.line("nameEn", fields.get("nameEn"), 200);
        String nameFr = v.line("nameFr", fields.get("nameFr"), 200);
        String head = v.line("head", fields.get("head"), 200);
        String email = v.email("email", fields.get("email"));
        String phone = v.phone("phone", fields.get("phone"));
        String address = v.paragraph("address", fields.get("address"), 500);
        String status = v.choice("status", upper(fields.getOrDefault("status", "ACTIVE")), STATUSES, true);
        Integer every = v.number("reportEveryDays", blankTo(fields.get("reportEveryDays"), Integer.toString(DEFAULT_REPORT_EVERY_DAYS)), 1, 366, true);
        if (!v.isValid()) {
            return null;
        }
        return new MissionDraft(code, MissionType.valueOf(type), country, city, LocalizedText.of(nameAr, nameEn, nameFr), head,
                email, phone, address, MissionStatus.valueOf(status), every);
    }

    private static String blankTo(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
