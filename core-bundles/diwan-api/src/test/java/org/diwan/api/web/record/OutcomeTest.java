package org.diwan.api.web.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    /** A department's record as a Java record: it implements the interface by its components alone. */
    record Letter(String id, String subject, int version, String updatedBy, Instant updatedAt) implements VersionedRecord {
    }

    @Test
    void aStoresAnswerBecomesSavedOrTheRefusalsItCollected() {
        Letter letter = new Letter("l1", "تعميم", 1, "hala", Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(Outcome.of(Optional.of(letter), new Validation())).isEqualTo(Outcome.saved(letter));

        Validation refused = new Validation();
        refused.requiredLine("subject", "  ", 200);
        assertThat(Outcome.<Letter>of(Optional.empty(), refused)).isInstanceOfSatisfying(Outcome.Invalid.class,
                invalid -> assertThat(invalid.errors()).containsOnlyKeys("subject"));
    }

    @Test
    void aStaleEditNamesWhoSavedTheCurrentVersionAndWhen() {
        Letter now = new Letter("l1", "تعميم معدل", 3, "omar", Instant.parse("2026-12-07T11:30:00Z"));
        Outcome<Letter> stale = Outcome.stale(new StaleEditException("l1", 3, now), Letter.class);
        assertThat(stale).isEqualTo(new Outcome.Stale<>(now, "omar", Instant.parse("2026-12-07T11:30:00Z")));
    }

    @Test
    void fromRunsTheStoreWithAFreshValidationAndAnswersEachWay() throws Exception {
        Letter now = new Letter("l1", "تعميم", 2, "omar", Instant.parse("2026-12-07T11:30:00Z"));
        assertThat(Outcome.from(Letter.class, v -> Optional.of(now))).isEqualTo(Outcome.saved(now));
        assertThat(Outcome.from(Letter.class, v -> {
            v.requiredLine("subject", "", 200);
            return Optional.empty();
        })).isInstanceOfSatisfying(Outcome.Invalid.class, invalid -> assertThat(invalid.errors()).containsOnlyKeys("subject"));
        assertThat(Outcome.from(Letter.class, v -> {
            throw new StaleEditException("l1", 2, now);
        })).isEqualTo(new Outcome.Stale<>(now, "omar", now.updatedAt()));
        assertThatThrownBy(() -> Outcome.from(Letter.class, v -> {
            throw new SQLException("disk full");
        })).isInstanceOf(SQLException.class);
    }

    @Test
    void anEditorOfVersionedRecordsNeedNotWriteItsIdAndVersion() {
        RecordEditor<Letter> editor = new RecordEditor<>() {
            @Override
            public RecordPagesSpec spec() {
                return RecordPagesSpec.at("/diwan/my/letters").permissions("r", "w").templates("my/letters").sortedBy("subject", false).build();
            }

            @Override
            public ListPage<Letter> list(ListQuery query, PageRequest request) {
                return new ListPage<>(List.of(), 0, 0, 25);
            }

            @Override
            public Optional<Letter> find(String id, PageRequest request) {
                return Optional.empty();
            }

            @Override
            public Map<String, Object> view(Letter record, PageRequest request) {
                return Map.of();
            }

            @Override
            public Map<String, String> fields(Letter record) {
                return Map.of();
            }

            @Override
            public Outcome<Letter> create(Map<String, String> fields, PageRequest request) throws SQLException {
                throw new SQLException("not here");
            }

            @Override
            public Outcome<Letter> update(Letter current, int version, Map<String, String> fields, PageRequest request) throws SQLException {
                throw new SQLException("not here");
            }
        };
        Letter letter = new Letter("l7", "x", 4, "hala", Instant.EPOCH);
        assertThat(editor.id(letter)).isEqualTo("l7");
        assertThat(editor.version(letter)).isEqualTo(4);
        assertThatThrownBy(() -> Outcome.stale(new StaleEditException("l7", 4, "not a letter"), Letter.class)).isInstanceOf(ClassCastException.class);
    }
}
