package org.diwan.api.web.record;

import java.util.Map;
import java.util.Optional;

/**
 * What an action was sent: its form's fields, the item of the record it names ({@code base/{id}/{action}/{item}}: a
 * follow-up of a letter, say) and, for an upload action, the file.
 */
public record ActionInput(Map<String, String> form, Optional<String> item, Optional<Upload> upload) {

    public ActionInput {
        form = Map.copyOf(form);
    }

    public String field(String name) {
        return form.getOrDefault(name, "");
    }
}
