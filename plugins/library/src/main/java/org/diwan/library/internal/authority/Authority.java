package org.diwan.library.internal.authority;

import java.time.Instant;
import java.util.List;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.web.record.VersionedRecord;

/**
 * An authority record: the form of a name every description uses, in the three languages, with the other forms
 * met in documents ("see" references) and related authorities ("see also").
 *
 * @param mergedInto the authority this one was merged into, or {@code null}; a merged record keeps its id
 */
public record Authority(String id, AuthorityKind kind, LocalizedText name, List<String> variants, String note,
        List<String> related, String mergedInto, int version, Instant updatedAt, String updatedBy) implements VersionedRecord {

    public Authority {
        variants = List.copyOf(variants);
        related = List.copyOf(related);
    }

    /** The name in the reader's language, falling back as the organisation writes it (Arabic, then English). */
    public String nameIn(Language language) {
        return name.in(language);
    }
}
