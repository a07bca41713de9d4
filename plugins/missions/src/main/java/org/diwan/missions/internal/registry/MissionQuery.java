package org.diwan.missions.internal.registry;

import java.util.Locale;
import java.util.Map;

import org.diwan.missions.internal.common.QueryParams;

/**
 * A page of the registry: filters (each null when not set), sort column and direction, page number from 0.
 */
public record MissionQuery(String text, MissionType type, String country, MissionStatus status, Sort sort,
        boolean descending, int page, int size) {

    public static final int MAX_SIZE = 200;

    /** The columns the list can be sorted by, mapped to SQL here and nowhere else. */
    public enum Sort {
        CODE("code"), NAME("name_ar"), COUNTRY("country"), CITY("city"), TYPE("mission_type"), STATUS("status"), UPDATED("updated_at");

        final String column;

        Sort(String column) {
            this.column = column;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Sort fromParam(String value) {
            Sort sort = QueryParams.choice(Sort.class, value);
            return sort == null ? NAME : sort;
        }
    }

    public MissionQuery {
        page = Math.max(0, page);
        size = size <= 0 ? 25 : Math.min(size, MAX_SIZE);
        sort = sort == null ? Sort.NAME : sort;
        text = text == null || text.isBlank() ? null : text.strip();
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
    }

    /** Reads the query parameters of the list page or the API; unknown values are ignored, never an error. */
    public static MissionQuery from(Map<String, String> params) {
        return new MissionQuery(params.get("q"), QueryParams.choice(MissionType.class, params.get("type")), params.get("country"),
                QueryParams.choice(MissionStatus.class, params.get("status")), Sort.fromParam(params.get("sort")),
                "desc".equals(params.get("dir")), QueryParams.number(params.get("page"), 0), QueryParams.number(params.get("size"), 25));
    }
}
