package org.diwan.api.reference;

import java.util.Objects;

import org.diwan.api.i18n.LocalizedText;

/**
 * A country of ISO 3166-1.
 *
 * @param code        the alpha-2 code, upper case ({@code EG}); what records store
 * @param alpha3      the alpha-3 code ({@code EGY})
 * @param arabLeague  whether it is a member state of the League of Arab States
 * @param name        its name in Arabic, English and French
 * @param continent   its continent (UN geoscheme), never {@link Region#ARAB_WORLD}
 */
public record Country(String code, String alpha3, boolean arabLeague, LocalizedText name, Region continent) {

    public Country {
        Objects.requireNonNull(continent, "continent");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(alpha3, "alpha3");
        Objects.requireNonNull(name, "name");
        if (!code.matches("[A-Z]{2}") || !alpha3.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("not an ISO 3166-1 code pair: " + code + "/" + alpha3);
        }
    }

    /** The region reports group it under: the Arab world for the League's members, else its continent. */
    public Region region() {
        return arabLeague ? Region.ARAB_WORLD : continent;
    }
}
