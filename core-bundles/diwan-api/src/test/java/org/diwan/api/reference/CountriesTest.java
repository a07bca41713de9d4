package org.diwan.api.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.diwan.api.i18n.Language;
import org.junit.jupiter.api.Test;

class CountriesTest {

    private final Countries countries = Countries.standard();

    @Test
    void holdsEveryIso3166Country() {
        assertThat(countries.size()).isEqualTo(249);
        assertThat(countries.byCode("eg")).hasValueSatisfying(c -> {
            assertThat(c.alpha3()).isEqualTo("EGY");
            assertThat(c.name().in(Language.AR)).isEqualTo("مصر");
            assertThat(c.name().in(Language.FR)).isEqualTo("Égypte");
        });
    }

    @Test
    void marksThe22MemberStatesOfTheLeague() {
        List<Country> members = countries.sortedFor(Language.EN).stream().filter(Country::arabLeague).toList();
        assertThat(members).hasSize(22).extracting(Country::code).contains("PS", "KM", "DJ", "MR", "SO");
        assertThat(countries.byCode("FR")).hasValueSatisfying(c -> assertThat(c.arabLeague()).isFalse());
    }

    @Test
    void namesPalestineAsTheLeagueDoes() {
        assertThat(countries.name("PS", Language.AR)).isEqualTo("فلسطين");
        assertThat(countries.name("PS", Language.EN)).isEqualTo("State of Palestine");
    }

    @Test
    void sortsByTheNameInTheReadersLanguage() {
        List<Country> arabic = countries.sortedFor(Language.AR);
        assertThat(arabic.get(0).name().in(Language.AR)).startsWith("إ").doesNotStartWith("ي");
        assertThat(countries.sortedFor(Language.FR).get(0).name().in(Language.FR)).isEqualTo("Afghanistan");
    }

    @Test
    void unknownCodesAreNotCountries() {
        assertThat(countries.isKnown("XX")).isFalse();
        assertThat(countries.isKnown(null)).isFalse();
        assertThat(countries.name("XX", Language.AR)).isEqualTo("XX");
    }

    @Test
    void groupsTheLeaguesMembersAsTheArabWorldAndOthersByContinent() {
        assertThat(countries.region("EG")).contains(Region.ARAB_WORLD);
        assertThat(countries.byCode("EG").orElseThrow().continent()).isEqualTo(Region.AFRICA);
        assertThat(countries.region("SA")).contains(Region.ARAB_WORLD);
        assertThat(countries.region("FR")).contains(Region.EUROPE);
        assertThat(countries.region("BR")).contains(Region.AMERICAS);
        assertThat(countries.region("JP")).contains(Region.ASIA);
        assertThat(countries.region("NZ")).contains(Region.OCEANIA);
        assertThat(countries.region("XX")).isEmpty();
        assertThat(countries.sortedFor(org.diwan.api.i18n.Language.EN)).noneMatch(c -> c.continent() == Region.ARAB_WORLD);
    }
}
