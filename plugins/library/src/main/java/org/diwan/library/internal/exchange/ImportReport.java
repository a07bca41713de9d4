package org.diwan.library.internal.exchange;

import java.util.List;
import java.util.Set;

/**
 * What an import did: records read, made, refused (with the reasons, per record), and the MARC fields that
 * have no place in the catalogue and were left out.
 */
public record ImportReport(int read, List<String> created, List<Refused> refused, Set<String> ignoredTags) {

    /** A record refused: its place in the file, its title if any, the reasons as message keys and texts. */
    public record Refused(int position, String title, List<String> reasons) {
    }

    public ImportReport {
        created = List.copyOf(created);
        refused = List.copyOf(refused);
        ignoredTags = Set.copyOf(ignoredTags);
    }
}
