package org.diwan.library.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordFile;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.api.web.record.Upload;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.AccessLevel;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.DigitalObject;
import org.diwan.library.internal.catalogue.DigitalObjects;
import org.diwan.library.internal.catalogue.RecordForm;
import org.diwan.library.internal.catalogue.RecordType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The catalogue for staff (LIB-2, LIB-4) on the shell's record pages: a record's page with its digital objects, the
 * cataloguer's form (what was typed kept when refused, an edit made on an old version refused with who saved since
 * and when), attaching a digitised file. The search with facets is the catalogue's own ({@link CatalogueOutput}): the
 * servlet serves it before the record flow, so {@link #list} is never asked.
 */
@Component(service = CatalogueRecords.class)
public final class CatalogueRecords implements RecordEditor<CatalogueRecord> {

    static final String BASE = "/diwan/library/catalogue";
    static final String OBJECTS = "objects";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE)
            .permissions(LibraryPlugin.CATALOGUE_READ, LibraryPlugin.CATALOGUE_WRITE)
            .templates("library/record")
            .sortedBy("relevance", false)
            .formFields(RecordForm.FIELDS.toArray(String[]::new))
            .actions(RecordAction.upload(OBJECTS, LibraryPlugin.CATALOGUE_WRITE, "file"),
                    // copies: added and edited (withdrawn) by cataloguers; a record reserved by any reader
                    new RecordAction(HoldingsViews.ITEMS, LibraryPlugin.CATALOGUE_WRITE),
                    RecordAction.onItem(HoldingsViews.ITEMS, LibraryPlugin.CATALOGUE_WRITE),
                    new RecordAction(HoldingsViews.RESERVE, LibraryPlugin.CATALOGUE_READ))
            .files(OBJECTS)
            .build();
    private static final java.util.Set<String> LEVELS = Arrays.stream(AccessLevel.values()).map(Enum::name).collect(Collectors.toSet());

    private final Catalogue catalogue;
    private final DigitalObjects objects;
    private final CatalogueOutput output;
    private final HoldingsViews holdings;

    @Activate
    public CatalogueRecords(@Reference Catalogue catalogue, @Reference DigitalObjects objects, @Reference CatalogueOutput output,
            @Reference HoldingsViews holdings) {
        this.catalogue = catalogue;
        this.objects = objects;
        this.output = output;
        this.holdings = holdings;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    @Override
    public ListPage<CatalogueRecord> list(ListQuery query, PageRequest request) {
        throw new UnsupportedOperationException("the catalogue's search is served by CatalogueOutput");
    }

    /** A restricted record is "not found" to those who may not see it, rather than "forbidden". */
    @Override
    public Optional<CatalogueRecord> find(String id, PageRequest request) throws SQLException {
        return output.visible(id, CatalogueOutput.staffViewer(request));
    }

    /** What the form's heading needs; the record's page is {@link #details}, with its authorities' names. */
    @Override
    public Map<String, Object> view(CatalogueRecord record, PageRequest request) {
        return Map.of("id", record.id(), "href", BASE + "/" + record.id(), "title", record.title().in(request.language()));
    }

    @Override
    public Map<String, Object> details(CatalogueRecord record, PageRequest request) throws SQLException {
        Map<String, Object> model = output.recordModel(BASE, record, CatalogueOutput.staffViewer(request), request);
        // ?attached=1 was the confirmation's address before the record flow's ?done=objects: old links still confirm
        model.put("attached", request.params().containsKey("attached") || OBJECTS.equals(request.param("done")));
        model.put("canDelete", request.permitted(LibraryPlugin.CATALOGUE_DELETE));
        model.put("holdings", holdings.staff(record, request));
        return model;
    }

    @Override
    public Map<String, Object> choices(PageRequest request) {
        return Map.of("types", Arrays.stream(RecordType.values()).map(Enum::name).toList(),
                "levels", Arrays.stream(AccessLevel.values()).map(Enum::name).toList());
    }

    @Override
    public Map<String, String> defaults(PageRequest request) {
        return Map.of("type", RecordType.BOOK.name(), "language", "ar", "access", AccessLevel.PUBLIC.name());
    }

    @Override
    public Map<String, String> fields(CatalogueRecord r) throws SQLException {
        Map<String, String> f = new HashMap<>(output.views().formNames(r));
        f.putAll(RecordForm.values(r));
        return f;
    }

    @Override
    public Outcome<CatalogueRecord> create(Map<String, String> fields, PageRequest request) throws SQLException {
        return Outcome.from(CatalogueRecord.class, v -> catalogue.create(fields, v, request.actor(), request.address()));
    }

    @Override
    public Outcome<CatalogueRecord> update(CatalogueRecord current, int version, Map<String, String> fields, PageRequest request)
            throws SQLException {
        return Outcome.from(CatalogueRecord.class, v -> catalogue.update(current.id(), version, fields, v, request.actor(), request.address()));
    }

    /** Attaches a digitised file, or hands a copy's action (add, edit, reserve) to {@link HoldingsViews}. */
    @Override
    public ActionOutcome act(String action, CatalogueRecord record, ActionInput input, PageRequest request) throws SQLException {
        if (!action.equals(OBJECTS)) {
            return holdings.act(action, record, input, request);
        }
        // without a level of its own, an object is as open as its record
        Validation v = new Validation();
        String label = v.line("label", input.form().get("label"), 300);
        String level = v.choice("objectAccess", input.form().get("objectAccess"), LEVELS, false);
        if (!v.isValid()) {
            return ActionOutcome.invalid(v);
        }
        Upload upload = input.upload().orElseThrow();
        try (InputStream content = upload.open()) {
            objects.attach(record, upload.fileName(), content, label, level == null ? record.access() : AccessLevel.valueOf(level),
                    request.actor(), request.address());
            return new ActionOutcome.DoneAt(record.id(), OBJECTS);
        } catch (DocumentRefused refused) {
            int status = refused.messageKey().equals(DocumentRefused.TOO_LARGE) ? 413 : 422;
            return new ActionOutcome.Refused(status, refused.messageKey(), refused.args(), Map.of());
        } catch (IOException unreadable) {
            return new ActionOutcome.Refused(422, DocumentRefused.EMPTY, List.of(), Map.of());
        }
    }

    @Override
    public Optional<RecordFile> file(CatalogueRecord record, String files, String fileId, PageRequest request) throws SQLException {
        return output.object(record, fileId, CatalogueOutput.staffViewer(request)).map(o -> new ObjectFile(o, objects, request));
    }

    /** A digital object as the record flow sends it: in the page when it can be shown, unless the reader asked to save it. */
    private record ObjectFile(DigitalObject object, DigitalObjects objects, PageRequest request) implements RecordFile {

        @Override
        public String mediaType() {
            return object.document().mediaType();
        }

        @Override
        public String fileName() {
            return object.document().fileName();
        }

        @Override
        public long size() {
            return object.document().size();
        }

        @Override
        public InputStream open() {
            return objects.open(object);
        }

        @Override
        public boolean inline() {
            return CatalogueOutput.inline(object, request);
        }
    }
}
