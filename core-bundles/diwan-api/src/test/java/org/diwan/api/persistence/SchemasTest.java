package org.diwan.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemasTest {

    @Test
    void acceptsPortableIdentifiers() {
        assertThat(Schemas.isValidName("missions")).isTrue();
        assertThat(Schemas.isValidName("civil_society2")).isTrue();
    }

    @Test
    void refusesNamesThatNeedQuotingOrCouldInjectSql() {
        assertThat(Schemas.isValidName(null)).isFalse();
        assertThat(Schemas.isValidName("m")).isFalse();
        assertThat(Schemas.isValidName("Missions")).isFalse();
        assertThat(Schemas.isValidName("civil-society")).isFalse();
        assertThat(Schemas.isValidName("x; DROP TABLE y")).isFalse();
        assertThat(Schemas.isValidName("البعثات")).isFalse();
        assertThat(Schemas.isValidName("a".repeat(31))).isFalse();
    }
}
