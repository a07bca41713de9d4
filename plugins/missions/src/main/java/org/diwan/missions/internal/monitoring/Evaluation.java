package org.diwan.missions.internal.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.diwan.api.web.record.VersionedRecord;

/**
 * One periodic evaluation of an office: a score from 1 to 5 and a comment per criterion, overall comments,
 * and whether it is still a draft or approved.
 *
 * @param updatedBy who recorded it or, once approved, who approved it: the conflict message names them
 */
public record Evaluation(String id, String missionId, String period, LocalDate evaluatedOn, String evaluator, String comments,
        Map<Criterion, Score> scores, boolean approved, int version, String updatedBy, Instant updatedAt) implements VersionedRecord {

    public record Score(int value, String comment) {
    }

    /** The mean of the scores of one kind, or of all when {@code kind} is null; 0 without scores. */
    public double average(Criterion.Kind kind) {
        return scores.entrySet().stream().filter(e -> kind == null || e.getKey().kind() == kind)
                .mapToInt(e -> e.getValue().value()).average().orElse(0);
    }
}
