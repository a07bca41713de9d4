package org.diwan.missions.internal.correspondence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.registry.Mission;

/**
 * Reads correspondence from submitted fields (the form's or the API's, same names: mission, counterpart,
 * counterpartName, classification, country, referenceNo, documentDate, receivedDate, subject, summary, status)
 * and says what is wrong, field by field. The mission must exist and lie in scope; the country defaults to the
 * mission's; a document cannot be dated in the future nor received before it was written; closing needs the
 * approve permission.
 */
public final class CorrespondenceForm {

    private static final Set<String> COUNTERPARTS = names(Counterpart.values());
    private static final Set<String> CLASSES = names(Classification.values());
    private static final Set<String> STATUSES = names(CorrespondenceStatus.values());

    private final Countries countries;

    public CorrespondenceForm(Countries countries) {
        this.countries = countries;
    }

    /**
     * @param missions finds a mission by id within the caller's scope (empty when unknown or out of scope)
     * @param today    the node's date, for refusing dates in the future
     */
    public CorrespondenceDraft read(Map<String, String> f, Validation v, Function<String, java.util.Optional<Mission>> missions,
            LocalDate today, boolean mayClose) {
        String missionId = v.choice("mission", f.get("mission"), Set.of(nz(f.get("mission")).strip()), true);
        Mission mission = missionId == null ? null : missions.apply(missionId).orElse(null);
        if (missionId != null && mission == null) {
            v.reject("mission", "missions.validation.mission");
        }
        String counterpart = v.choice("counterpart", upper(f.getOrDefault("counterpart", "HEADQUARTERS")), COUNTERPARTS, true);
        String counterpartName = v.line("counterpartName", f.get("counterpartName"), 200);
        if (counterpart != null && !counterpart.equals(Counterpart.HEADQUARTERS.name()) && counterpartName == null
                && !v.hasError("counterpartName")) {
            v.reject("counterpartName", "validation.required");
        }
        String classification = v.choice("classification", upper(f.get("classification")), CLASSES, true);
        String country = v.line("country", upper(f.get("country")), 2);
        if (country == null && mission != null && !v.hasError("country")) {
            country = mission.country();
        }
        if (country != null && !countries.isKnown(country)) {
            v.reject("country", "validation.country");
        }
        String referenceNo = v.requiredLine("referenceNo", f.get("referenceNo"), 64);
        LocalDate documentDate = v.date("documentDate", f.get("documentDate"), true);
        LocalDate receivedDate = v.date("receivedDate", f.get("receivedDate"), false);
        if (documentDate != null && documentDate.isAfter(today)) {
            v.reject("documentDate", "missions.validation.future");
        }
        if (receivedDate != null && receivedDate.isAfter(today)) {
            v.reject("receivedDate", "missions.validation.future");
        }
        if (documentDate != null && receivedDate != null && receivedDate.isBefore(documentDate)) {
            v.reject("receivedDate", "missions.validation.received-before");
        }
        String subject = v.requiredLine("subject", f.get("subject"), 300);
        String summary = v.paragraph("summary", f.get("summary"), 4000);
        String status = v.choice("status", upper(f.getOrDefault("status", "OPEN")), STATUSES, true);
        if (CorrespondenceStatus.CLOSED.name().equals(status) && !mayClose) {
            v.reject("status", "missions.validation.close-needs-approval");
        }
        if (!v.isValid()) {
            return null;
        }
        return new CorrespondenceDraft(missionId, Counterpart.valueOf(counterpart), counterpartName, Classification.valueOf(classification),
                country, referenceNo, documentDate, receivedDate, subject, summary, CorrespondenceStatus.valueOf(status));
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
