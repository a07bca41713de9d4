package org.diwan.library.internal.authority;

import java.util.List;

import org.diwan.api.i18n.LocalizedText;

/** An authority as a cataloguer submitted it, checked. */
public record AuthorityDraft(AuthorityKind kind, LocalizedText name, List<String> variants, String note, List<String> related) {

    public AuthorityDraft {
        variants = List.copyOf(variants);
        related = List.copyOf(related);
    }
}
