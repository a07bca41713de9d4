package org.diwan.missions.internal.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.reference.Countries;
import org.diwan.missions.internal.correspondence.Attachment;
import org.diwan.missions.internal.correspondence.Classification;
import org.diwan.missions.internal.correspondence.Correspondence;
import org.diwan.missions.internal.correspondence.CorrespondenceStatus;
import org.diwan.missions.internal.correspondence.Counterpart;
import org.diwan.missions.internal.correspondence.FollowUp;
import org.diwan.missions.internal.registry.Mission;

/** Turns correspondence into what its templates show, in the reader's language and both calendars. */
final class CorrespondenceViews {

    static final List<String> FIELDS = List.of("mission", "counterpart", "counterpartName", "classification", "country", "referenceNo",
            "documentDate", "receivedDate", "subject", "summary", "status");

    private final Countries countries;

    CorrespondenceViews(Countries countries) {
        this.countries = countries;
    }

    Map<String, Object> row(Correspondence c, PageRequest request) {
        Language language = request.language();
        Map<String, Object> row = new HashMap<>();
        row.put("id", c.id());
        row.put("missionId", c.missionId());
        row.put("missionCode", c.missionCode());
        row.put("missionName", c.missionName().in(language));
        row.put("counterpart", c.counterpart().name());
        row.put("counterpartName", c.counterpartName());
        row.put("classification", c.classification().name());
        row.put("country", c.country());
        row.put("countryName", countries.name(c.country(), language));
        row.put("referenceNo", c.referenceNo());
        row.put("documentDate", request.date(c.documentDate()));
        row.put("documentDay", request.day(c.documentDate()));
        row.put("receivedDate", c.receivedDate() == null ? null : request.date(c.receivedDate()));
        row.put("subject", c.subject());
        row.put("summary", c.summary());
        row.put("status", c.status().name());
        row.put("version", c.version());
        row.put("updatedAt", request.dateTime(c.updatedAt()));
        row.put("updatedBy", c.updatedBy());
        return row;
    }

    Map<String, Object> attachment(Attachment a, Language language) {
        return Map.of("id", a.id(), "fileName", a.fileName(), "mediaType", a.mediaType(), "size", size(a.size(), language),
                "sha256", a.sha256(), "createdBy", a.createdBy());
    }

    Map<String, Object> followUp(FollowUp f, LocalDate today, PageRequest request) {
        return Map.of("id", f.id(), "action", f.action(), "owner", f.owner(), "deadline", request.date(f.deadline()), "status",
                f.status().name(), "version", f.version(), "overdue", f.isOverdue(today), "editable", f.editableHere());
    }

    static Map<String, String> fieldsOf(Correspondence c) {
        Map<String, String> f = new HashMap<>();
        f.put("mission", c.missionId());
        f.put("counterpart", c.counterpart().name());
        f.put("counterpartName", nz(c.counterpartName()));
        f.put("classification", c.classification().name());
        f.put("country", c.country());
        f.put("referenceNo", c.referenceNo());
        f.put("documentDate", c.documentDate().toString());
        f.put("receivedDate", c.receivedDate() == null ? "" : c.receivedDate().toString());
        f.put("subject", c.subject());
        f.put("summary", nz(c.summary()));
        f.put("status", c.status().name());
        return f;
    }

    /** The choices every correspondence page offers: missions, countries, classes, counterparts, statuses. */
    Map<String, Object> choices(List<Mission> missions, Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("missions", missions.stream().map(m -> Map.of("id", m.id(), "code", m.code(), "name", m.nameIn(language))).toList());
        model.put("countries", countries.sortedFor(language).stream().map(c -> Map.of("code", c.code(), "name", c.name().in(language))).toList());
        model.put("classifications", names(Classification.values()));
        model.put("counterparts", names(Counterpart.values()));
        model.put("statuses", names(CorrespondenceStatus.values()));
        return model;
    }

    private static String size(long bytes, Language language) {
        String text = bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KiB" : String.format("%.1f MiB", bytes / 1048576.0);
        return DigitStyle.defaultFor(language).apply(text);
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
