package org.diwan.library.internal.authority;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.Ids;

/**
 * Reads an authority from submitted fields: the Arabic name is required (the organisation's working language),
 * English and French when known, other forms one per line, related authorities by id.
 */
public final class AuthorityForm {

    private static final Set<String> KINDS = Arrays.stream(AuthorityKind.values()).map(Enum::name).collect(Collectors.toSet());
    private static final int MAX_VARIANTS = 50;

    /** The draft, or {@code null} with the reasons in {@code v}. */
    public AuthorityDraft read(Map<String, String> fields, Validation v) {
        String kind = v.choice("kind", fields.get("kind"), KINDS, true);
        String ar = v.requiredLine("nameAr", fields.get("nameAr"), 500);
        String en = v.line("nameEn", fields.get("nameEn"), 500);
        String fr = v.line("nameFr", fields.get("nameFr"), 500);
        String variantsText = v.paragraph("variants", fields.get("variants"), 4000);
        String note = v.paragraph("note", fields.get("note"), 2000);
        Set<String> variants = new LinkedHashSet<>();
        if (variantsText != null) {
            for (String line : variantsText.split("\\R")) {
                String variant = v.line("variants", line, 500);
                if (variant != null) {
                    variants.add(variant);
                }
            }
        }
        if (variants.size() > MAX_VARIANTS) {
            v.reject("variants", "library.validation.too-many");
        }
        List<String> related = Ids.parse(fields.get("related"), v, "related");
        if (!v.isValid()) {
            return null;
        }
        return new AuthorityDraft(AuthorityKind.valueOf(kind), LocalizedText.of(ar, en, fr), List.copyOf(variants), note, related);
    }
}
