package org.diwan.library.internal.exchange;

import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.catalogue.OtherTitle;
import org.diwan.library.internal.catalogue.RecordForm;
import org.diwan.library.internal.catalogue.Role;
import org.marc4j.MarcException;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.Record;

/**
 * Imports a MARC file record by record, through the cataloguer's own checks: a refused record is reported and the
 * others go on. Each description keeps the record it came as ({@link MarcSources}). A record that matches one
 * already here (control number with its agency, 035 system number, ISBN, ISSN) is updated, skipped, made anew or
 * held for the cataloguer's choice, as asked ({@link OnDuplicate}).
 */
final class Importer {

    private final Catalogue catalogue;
    private final Authorities authorities;
    private final CatalogueStore records;
    private final AuthorityStore authorityStore;
    private final MarcSources sources;
    private final PendingImports pending;
    private final Clock clock;
    private final MarcImport mapping = new MarcImport();
    private volatile boolean identifiersKeyed;

    Importer(Catalogue catalogue, Authorities authorities, CatalogueStore records, AuthorityStore authorityStore, MarcSources sources,
            PendingImports pending, Clock clock) {
        this.catalogue = catalogue;
        this.authorities = authorities;
        this.records = records;
        this.authorityStore = authorityStore;
        this.sources = sources;
        this.pending = pending;
        this.clock = clock;
    }

    /** What one run does, as it goes; the report at the end. */
    private final class Run {
        final List<String> created = new ArrayList<>();
        final List<String> updated = new ArrayList<>();
        final List<ImportReport.Duplicate> skipped = new ArrayList<>();
        final List<ImportReport.Duplicate> held = new ArrayList<>();
        final List<ImportReport.Refused> refused = new ArrayList<>();
        final Set<String> ignored = new TreeSet<>();
        final String actor;
        final String address;

        Run(String actor, String address) {
            this.actor = actor;
            this.address = address;
        }

        ImportReport report(int read, String batch) {
            return new ImportReport(read, created, updated, skipped, held, held.isEmpty() ? null : batch, refused, ignored);
        }
    }

    ImportReport importFile(byte[] content, String access, OnDuplicate policy, String actor, String address) throws ExchangeRefused, SQLException {
        if (content.length > Exchange.MAX_FILE) {
            throw new ExchangeRefused("library.exchange.too-large", Exchange.MAX_FILE / (1024 * 1024));
        }
        if (content.length == 0) {
            throw new ExchangeRefused("library.exchange.empty");
        }
        MarcReader reader;
        if (isXml(content)) {
            SafeXml.check(content);
            reader = new MarcXmlReader(new ByteArrayInputStream(content));
        } else {
            // MARC-8 records (leader/09 blank) are converted to Unicode as they are read
            reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(content), true, true, "BESTGUESS");
        }
        if (!identifiersKeyed) {
            records.keyIdentifiers();
            identifiersKeyed = true;
        }
        pending.purge();
        Run run = new Run(actor, address);
        String batch = UUID.randomUUID().toString();
        int position = 0;
        try {
            while (reader.hasNext()) {
                if (position >= Exchange.MAX_RECORDS) {
                    throw new ExchangeRefused("library.exchange.too-many", Exchange.MAX_RECORDS);
                }
                Record marc = composed(reader.next());
                position++;
                MarcImport.Read read = mapping.read(marc);
                run.ignored.addAll(read.ignoredTags());
                List<String> matched = policy == OnDuplicate.NEW ? List.of() : List.copyOf(sources.matching(MarcSources.keys(marc)));
                if (matched.isEmpty()) {
                    create(run, marc, read, access, position);
                    continue;
                }
                switch (policy) {
                    case SKIP -> run.skipped.add(new ImportReport.Duplicate(position, title(read), matched, null));
                    case UPDATE -> update(run, matched.get(0), marc, read, access, position);
                    default -> run.held.add(new ImportReport.Duplicate(position, title(read), matched,
                            pending.hold(batch, position, marc, title(read), matched, access, actor)));
                }
            }
        } catch (MarcException e) {
            throw new ExchangeRefused("library.exchange.not-marc", position + 1, String.valueOf(e.getMessage()));
        }
        if (position == 0) {
            throw new ExchangeRefused("library.exchange.not-marc", 1, "no record");
        }
        return run.report(position, batch);
    }

    /** Does what the cataloguer chose for each record a batch holds; a record with no choice stays held. */
    ImportReport resolve(String batch, Map<String, OnDuplicate> choices, String actor, String address) throws SQLException {
        Run run = new Run(actor, address);
        int read = 0;
        for (PendingImports.Held held : pending.batch(batch)) {
            OnDuplicate choice = choices.get(held.id());
            if (choice == null || choice == OnDuplicate.ASK) {
                run.held.add(new ImportReport.Duplicate(held.position(), held.title(), held.matchedIds(), held.id()));
                continue;
            }
            read++;
            MarcImport.Read mapped = mapping.read(held.marc());
            switch (choice) {
                case SKIP -> run.skipped.add(new ImportReport.Duplicate(held.position(), held.title(), held.matchedIds(), null));
                case UPDATE -> update(run, held.matchedIds().get(0), held.marc(), mapped, held.access(), held.position());
                default -> create(run, held.marc(), mapped, held.access(), held.position());
            }
            pending.release(held.id());
        }
        return run.report(read, batch);
    }

    private void create(Run run, Record marc, MarcImport.Read read, String access, int position) throws SQLException {
        Map<String, String> fields = new HashMap<>(read.fields());
        fields.putIfAbsent("access", access);
        if (!linkNames(run, read, fields, position, Set.of())) {
            return;
        }
        Validation v = new Validation();
        Optional<CatalogueRecord> made = catalogue.create(fields, v, run.actor, run.address,
                (c, id, draft) -> sources.save(c, id, marc, MappedGroups.fingerprints(draft), run.actor, clock.instant()));
        if (made.isPresent()) {
            run.created.add(made.get().id());
        } else {
            refuse(run, position, title(read), v);
        }
    }

    /** The description here takes what the record gives; what it does not give (call number, local subjects …) stays. */
    private void update(Run run, String id, Record marc, MarcImport.Read read, String access, int position) throws SQLException {
        Optional<CatalogueRecord> current = records.get(id);
        if (current.isEmpty()) {
            create(run, marc, read, access, position);
            return;
        }
        Map<String, String> fields = formOf(current.get());
        // the record's titles replace the titles here as a whole: a title it no longer has is not kept
        List.of("titleAr", "titleEn", "titleFr", "otherTitles").forEach(fields::remove);
        fields.putAll(read.fields());
        Set<Role> given = new java.util.HashSet<>();
        read.names().forEach(n -> given.add(n.role()));
        if (!linkNames(run, read, fields, position, given)) {
            return;
        }
        Validation v = new Validation();
        try {
            Optional<CatalogueRecord> saved = catalogue.update(id, current.get().version(), fields, v, run.actor, run.address,
                    (c, written, draft) -> sources.save(c, written, marc, fromSource(draft, marc), run.actor, clock.instant()));
            if (saved.isPresent()) {
                run.updated.add(id);
            } else {
                refuse(run, position, title(read), v);
            }
        } catch (StaleEditException e) {
            run.refused.add(new ImportReport.Refused(position, title(read), List.of("library.exchange.changed-meanwhile")));
        }
    }

    /**
     * The fingerprints of what an updated description took from the record: a group the record does not give (a
     * call number kept from here) is left out, so that export writes it from the catalogue rather than from a source
     * that never had it.
     */
    private static Map<String, String> fromSource(org.diwan.library.internal.catalogue.RecordDraft draft, Record marc) {
        Map<String, String> fingerprints = new java.util.LinkedHashMap<>(MappedGroups.fingerprints(draft));
        fingerprints.keySet().retainAll(MappedGroups.given(marc));
        return fingerprints;
    }

    /** Puts the ids of the authorities the record names into the fields, role by role; false when a name is ambiguous. */
    private boolean linkNames(Run run, MarcImport.Read read, Map<String, String> fields, int position, Set<Role> replacing) throws SQLException {
        Map<Role, List<String>> ids = new HashMap<>();
        for (MarcImport.NameRef name : read.names()) {
            Optional<String> id = linked(name, run.actor, run.address);
            if (id.isEmpty()) {
                String shown = name.name() != null ? name.name() : name.otherForm();
                run.refused.add(new ImportReport.Refused(position, title(read), List.of("library.validation.authority-ambiguous: " + shown)));
                return false;
            }
            List<String> list = ids.computeIfAbsent(name.role(), r -> new ArrayList<>());
            if (!list.contains(id.get())) {
                list.add(id.get());
            }
        }
        replacing.forEach(role -> fields.remove(role.name().toLowerCase(Locale.ROOT)));
        ids.forEach((role, list) -> fields.put(role.name().toLowerCase(Locale.ROOT), String.join(",", list)));
        if (fields.containsKey("parent") && !fields.get("parent").isBlank() && records.get(fields.get("parent")).isEmpty()) {
            fields.remove("parent");
        }
        return true;
    }

    /** The authority a name stands for: its own id when it came from here and still stands, else by either form of the name. */
    private Optional<String> linked(MarcImport.NameRef name, String actor, String address) throws SQLException {
        if (name.id() != null) {
            Optional<Authority> known = authorityStore.get(name.id().toLowerCase(Locale.ROOT));
            if (known.isPresent()) {
                Authority a = known.get();
                return Optional.of(a.mergedInto() == null ? a.id() : a.mergedInto());
            }
        }
        return authorities.findOrCreate(name.kind(), name.name(), name.otherForm(), actor, address);
    }

    private static void refuse(Run run, int position, String title, Validation v) {
        List<String> reasons = new ArrayList<>();
        v.errors().forEach((field, error) -> reasons.add(field + ": " + error.messageKey()));
        run.refused.add(new ImportReport.Refused(position, title, reasons));
    }

    /** A description as its form would show it, so that an update changes only what the record gives. */
    private static Map<String, String> formOf(CatalogueRecord r) {
        Map<String, String> f = RecordForm.values(r);
        for (Role role : Role.values()) {
            f.put(role.name().toLowerCase(Locale.ROOT), String.join(",", r.authorityIds(role)));
        }
        return f;
    }

    private static String title(MarcImport.Read read) {
        Map<String, String> f = read.fields();
        for (String field : List.of("titleAr", "titleEn", "titleFr")) {
            if (f.get(field) != null) {
                return f.get(field);
            }
        }
        List<OtherTitle> others = OtherTitle.parse(f.get("otherTitles"));
        return others.isEmpty() ? null : others.get(0).text();
    }

    /**
     * The record in Unicode's composed form (NFC): MARC-8 records, and many UTF-8 ones, carry diacritics as separate
     * combining marks ("H" + dot below), which would neither match what readers type nor compare equal to the same
     * name catalogued here.
     */
    static Record composed(Record marc) {
        for (org.marc4j.marc.ControlField field : marc.getControlFields()) {
            field.setData(Normalizer.normalize(field.getData(), Normalizer.Form.NFC));
        }
        for (org.marc4j.marc.DataField field : marc.getDataFields()) {
            for (org.marc4j.marc.Subfield subfield : field.getSubfields()) {
                subfield.setData(Normalizer.normalize(subfield.getData(), Normalizer.Form.NFC));
            }
        }
        return marc;
    }

    static boolean isXml(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 1024); i++) {
            int b = content[i] & 0xff;
            if (b == '<') {
                return true;
            }
            if (!(b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB || b == 0xBF)) {
                return false;
            }
        }
        return false;
    }
}
