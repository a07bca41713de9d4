package org.diwan.api.reference;

import org.diwan.api.i18n.LocalizedText;

/**
 * The regions Diwan's reports group countries by: the Arab world (the League's member states) first, then
 * the continents of the UN geoscheme for every other country.
 */
public enum Region {
    ARAB_WORLD(LocalizedText.of("العالم العربي", "Arab world", "Monde arabe")),
    AFRICA(LocalizedText.of("أفريقيا", "Africa", "Afrique")),
    AMERICAS(LocalizedText.of("الأمريكتان", "Americas", "Amériques")),
    ASIA(LocalizedText.of("آسيا", "Asia", "Asie")),
    EUROPE(LocalizedText.of("أوروبا", "Europe", "Europe")),
    OCEANIA(LocalizedText.of("أوقيانوسيا", "Oceania", "Océanie")),
    ANTARCTICA(LocalizedText.of("القارة القطبية الجنوبية", "Antarctica", "Antarctique"));

    private final LocalizedText name;

    Region(LocalizedText name) {
        this.name = name;
    }

    public LocalizedText displayName() {
        return name;
    }
}
