package org.diwan.library.internal.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.diwan.api.web.record.VersionedRecord;

/**
 * One description of a holding. League documents carry their symbol, session and date of issue; issues name
 * their periodical as parent.
 *
 * @param language ISO 639-1 code of the holding's language ({@code ar}, {@code en}, {@code fr}, …)
 * @param links    the authorities it names, by role, in order
 */
public record CatalogueRecord(String id, RecordType type, Titles title, String symbol, String session, LocalDate issuedOn, Integer year,
        String language, String publisher, String place, String extent, String identifier, String callNumber, String summary,
        AccessLevel access, String parentId, List<AuthorityLink> links, int version, Instant updatedAt, String updatedBy) implements VersionedRecord {

    public CatalogueRecord {
        links = List.copyOf(links);
    }

    public List<String> authorityIds(Role role) {
        return links.stream().filter(l -> l.role() == role).map(AuthorityLink::authorityId).toList();
    }
}
