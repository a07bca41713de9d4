package org.diwan.library.internal.exchange;

import java.util.List;
import java.util.Set;

/**
 * What an import did: records read, made, updated, refused (with the reasons, per record), those that match a
 * description already here and were skipped or are held for the cataloguer's choice, and the MARC fields the
 * catalogue does not map (kept in the source record, given back on export).
 *
 * @param batch the id under which held records wait, or {@code null} when none is held
 */
public record ImportReport(int read, List<String> created, List<String> updated, List<Duplicate> skipped, List<Duplicate> pending,
        String batch, List<Refused> refused, Set<String> ignoredTags) {

    /** A record refused: its place in the file, its title if any, the reasons as message keys and texts. */
    public record Refused(int position, String title, List<String> reasons) {
    }

    /**
     * A record that matches descriptions already here (by control number, system number, ISBN or ISSN).
     *
     * @param pendingId the id it is held under, or {@code null} when it was skipped
     */
    public record Duplicate(int position, String title, List<String> matchedIds, String pendingId) {

        public Duplicate {
            matchedIds = List.copyOf(matchedIds);
        }
    }

    public ImportReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        skipped = List.copyOf(skipped);
        pending = List.copyOf(pending);
        refused = List.copyOf(refused);
        ignoredTags = Set.copyOf(ignoredTags);
    }
}
