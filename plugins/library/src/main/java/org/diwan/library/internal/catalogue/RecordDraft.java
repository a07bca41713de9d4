package org.diwan.library.internal.catalogue;

import java.time.LocalDate;
import java.util.List;

/** A description as a cataloguer (or an import) submitted it, checked field by field. */
public record RecordDraft(RecordType type, Titles title, String symbol, String session, LocalDate issuedOn, Integer year,
        String language, String publisher, String place, String extent, String identifier, String callNumber, String summary,
        AccessLevel access, String parentId, List<AuthorityLink> links) {

    public RecordDraft {
        links = List.copyOf(links);
    }
}
