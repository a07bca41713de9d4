package org.diwan.missions.internal.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.diwan.api.web.record.VersionedRecord;

/**
 * The year's plan of action (MIS-6): the sector's strategic objectives, the tasks serving each (owner,
 * deadline, progress from 0 to 100 %), and the recommendations reported to the Assistant Secretary-General.
 * A plan without an id is one this node keeps none for (a far year, or a mission before headquarters' plan came):
 * shown empty, never written to.
 */
public record ActionPlan(String id, int year, String recommendations, List<Objective> objectives, int version, String updatedBy,
        Instant updatedAt) implements VersionedRecord {

    /** The empty plan of a year this node keeps none for. */
    public static ActionPlan none(int year) {
        return new ActionPlan(null, year, null, List.of(), 0, null, null);
    }

    public boolean stored() {
        return id != null;
    }

    public record Objective(String id, int position, String title, List<Task> tasks) {

        /** Mean progress of the objective's tasks, 0 without tasks. */
        public int progress() {
            return (int) Math.round(tasks.stream().mapToInt(Task::progress).average().orElse(0));
        }
    }

    public record Task(String id, String objectiveId, String title, String owner, LocalDate deadline, int progress, String note, int version,
            String updatedBy, Instant updatedAt) implements VersionedRecord {

        public boolean isLate(LocalDate today) {
            return progress < 100 && deadline.isBefore(today);
        }
    }

    public int progress() {
        return (int) Math.round(objectives.stream().flatMap(o -> o.tasks().stream()).mapToInt(Task::progress).average().orElse(0));
    }

    public List<Task> lateTasks(LocalDate today) {
        return tasks().stream().filter(t -> t.isLate(today)).toList();
    }

    public List<Task> tasks() {
        return objectives.stream().flatMap(o -> o.tasks().stream()).toList();
    }
}
