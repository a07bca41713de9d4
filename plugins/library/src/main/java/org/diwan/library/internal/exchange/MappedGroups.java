package org.diwan.library.internal.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.diwan.library.internal.catalogue.AccessLevel;
import org.diwan.library.internal.catalogue.AuthorityLink;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.OtherTitle;
import org.diwan.library.internal.catalogue.RecordDraft;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.catalogue.Role;
import org.diwan.library.internal.catalogue.Titles;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Subfield;

/**
 * The catalogue's fields in the groups a MARC record holds them in, so that export can tell which a cataloguer
 * changed since the import: a group unchanged goes out as the source record gave it (every subfield, indicator
 * and 880 it had), a changed one is written from the catalogue. A group's fingerprint is a short hash of its
 * values.
 */
final class MappedGroups {

    static final String TYPE = "type";
    static final String FIXED = "fixed";
    static final String TITLES = "titles";
    static final String AUTHORS = "authors";
    static final String BODIES = "bodies";

    private MappedGroups() {
    }

    /** Each group's fingerprint for the record as the catalogue holds it now. */
    static Map<String, String> fingerprints(CatalogueRecord r) {
        return fingerprints(r.type(), r.title(), r.symbol(), r.session(), r.issuedOn(), r.year(), r.language(), r.publisher(), r.place(),
                r.extent(), r.identifier(), r.callNumber(), r.summary(), r.access(), r.parentId(), r.links());
    }

    /** The same, for a description about to be saved. */
    static Map<String, String> fingerprints(RecordDraft d) {
        return fingerprints(d.type(), d.title(), d.symbol(), d.session(), d.issuedOn(), d.year(), d.language(), d.publisher(), d.place(),
                d.extent(), d.identifier(), d.callNumber(), d.summary(), d.access(), d.parentId(), d.links());
    }

    private static Map<String, String> fingerprints(RecordType type, Titles title, String symbol, String session, LocalDate issuedOn,
            Integer year, String language, String publisher, String place, String extent, String identifier, String callNumber,
            String summary, AccessLevel access, String parentId, List<AuthorityLink> links) {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(TYPE, hash(type));
        groups.put(FIXED, hash(year, language));
        groups.put("identifier", hash(identifier));
        groups.put("issued", hash(issuedOn));
        groups.put("symbol", hash(symbol));
        groups.put("callNumber", hash(callNumber));
        groups.put(AUTHORS, hash(ids(links, Role.AUTHOR)));
        groups.put(BODIES, hash(ids(links, Role.BODY)));
        groups.put(TITLES, hash(title.ar(), title.en(), title.fr(), title.others().stream().map(OtherTitle::line).toList()));
        groups.put("publication", hash(place, publisher, year));
        groups.put("extent", hash(extent));
        groups.put("session", hash(session));
        groups.put("access", hash(access));
        groups.put("summary", hash(summary));
        groups.put("subjects", hash(ids(links, Role.SUBJECT)));
        groups.put("countries", hash(ids(links, Role.COUNTRY)));
        groups.put("parent", hash(parentId));
        return groups;
    }

    private static List<String> ids(List<AuthorityLink> links, Role role) {
        return links.stream().filter(l -> l.role() == role).map(AuthorityLink::authorityId).toList();
    }

    /** The groups a MARC record gives fields for; the leader's type and the 008 always. */
    static java.util.Set<String> given(org.marc4j.marc.Record marc) {
        java.util.Set<String> groups = new java.util.HashSet<>(java.util.Set.of(TYPE, FIXED));
        boolean document = marc.getVariableField("088") != null;
        for (DataField field : marc.getDataFields()) {
            String group = of(field, document);
            if (group != null) {
                groups.add(group);
            }
        }
        return groups;
    }

    static String format(Map<String, String> fingerprints) {
        StringBuilder text = new StringBuilder();
        fingerprints.forEach((group, hash) -> text.append(text.length() == 0 ? "" : ";").append(group).append('=').append(hash));
        return text.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                groups.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return groups;
    }

    /** The group a data field belongs to, or {@code null} for a field the catalogue does not map (kept as it came). */
    static String of(DataField field, boolean leagueDocument) {
        return switch (field.getTag()) {
            case "020", "022" -> "identifier";
            case "046" -> "issued";
            case "088" -> "symbol";
            case "090", "099" -> "callNumber";
            case "100", "110", "700" -> AUTHORS;
            case "710" -> "issuing body".equals(subfield(field, 'e')) ? BODIES : AUTHORS;
            case "242", "245", "246" -> TITLES;
            case "260", "264" -> field.getTag().equals("260") || field.getIndicator2() == '1' ? "publication" : null;
            case "300" -> "extent";
            case "490" -> leagueDocument ? "session" : null;
            case "506" -> "access";
            case "520" -> "summary";
            case "650" -> "subjects";
            case "651" -> "countries";
            case "773" -> "parent";
            default -> null;
        };
    }

    private static String subfield(DataField field, char code) {
        Subfield s = field.getSubfield(code);
        return s == null ? null : s.getData();
    }

    private static String hash(Object... values) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.stream(values).map(v -> Objects.toString(v, "\u0000"))
                    .reduce((a, b) -> a + "\u0001" + b).orElse("").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java", e);
        }
    }
}
