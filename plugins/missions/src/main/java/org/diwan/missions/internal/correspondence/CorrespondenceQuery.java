package org.diwan.missions.internal.correspondence;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.diwan.missions.internal.common.QueryParams;

/**
 * A page of correspondence: filters by mission, country, classification, period and status (each null when
 * not set), free text, sort and page. {@code scopeMissionCode}, when set, confines everything to one mission:
 * a mission node's staff see their own mission's records only.
 */
public record CorrespondenceQuery(String text, String missionId, String country, Classification classification, LocalDate from,
        LocalDate to, CorrespondenceStatus status, Sort sort, boolean descending, int page, int size, String scopeMissionCode) {

    public static final int MAX_SIZE = 200;

    public enum Sort {
        DATE("c.document_date"), REFERENCE("c.reference_no"), SUBJECT("c.subject"), MISSION("m.code"), COUNTRY("c.country"),
        CLASSIFICATION("c.classification"), STATUS("c.status");

        final String column;

        Sort(String column) {
            this.column = column;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Sort fromParam(String value) {
            Sort sort = QueryParams.choice(Sort.class, value);
            return sort == null ? DATE : sort;
        }
    }

    public CorrespondenceQuery {
        page = Math.max(0, page);
        size = size <= 0 ? 25 : Math.min(size, MAX_SIZE);
        sort = sort == null ? Sort.DATE : sort;
        text = QueryParams.blank(text) ? null : text.strip();
        missionId = QueryParams.blank(missionId) ? null : missionId.strip();
        country = QueryParams.blank(country) ? null : country.strip().toUpperCase(Locale.ROOT);
    }

    /** Reads query parameters; values that do not parse are ignored, never an error. Newest first by default. */
    public static CorrespondenceQuery from(Map<String, String> p, String scopeMissionCode) {
        return new CorrespondenceQuery(p.get("q"), p.get("mission"), p.get("country"), QueryParams.choice(Classification.class, p.get("classification")),
                QueryParams.date(p.get("from")), QueryParams.date(p.get("to")), QueryParams.choice(CorrespondenceStatus.class, p.get("status")), Sort.fromParam(p.get("sort")),
                !"asc".equals(p.get("dir")), QueryParams.number(p.get("page"), 0), QueryParams.number(p.get("size"), 25), scopeMissionCode);
    }
}
