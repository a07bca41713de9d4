package org.diwan.integration.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.camel.support.processor.DefaultExchangeFormatter;

/**
 * How the tracer shows an exchange: as Camel's own tracer does (id, headers, body type, body on one line), with the
 * value of every header and property whose name says it is a secret replaced by {@code xxxxxx}, and every other
 * value passed through the route settings' mask, so that a setting's value is hidden even under an innocent name.
 */
final class MaskingExchangeFormatter extends DefaultExchangeFormatter {

    static final String MASK = "xxxxxx";

    /** Parts of a header or property name that mark its value as a secret (compared in lower case). */
    private static final List<String> SECRET_NAMES = List.of("authorization", "cookie", "token", "secret", "password",
            "passwd", "passphrase", "credential", "key");

    private final UnaryOperator<String> mask;

    MaskingExchangeFormatter(UnaryOperator<String> mask) {
        this.mask = mask;
        // what Camel's DefaultTracer shows
        setShowExchangeId(true);
        setShowExchangePattern(false);
        setMultiline(false);
        setShowHeaders(true);
        setStyle(OutputStyle.Default);
    }

    static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_NAMES.stream().anyMatch(lower::contains);
    }

    @Override
    public String format(org.apache.camel.Exchange exchange) {
        return mask.apply(super.format(exchange));
    }

    @Override
    protected Map<String, Object> filterHeaderAndProperties(Map<String, Object> map) {
        Map<String, Object> shown = new LinkedHashMap<>();
        super.filterHeaderAndProperties(map).forEach((name, value) -> {
            if (value != null && secretName(name)) {
                shown.put(name, MASK);
            } else if (value instanceof CharSequence text) {
                shown.put(name, mask.apply(text.toString()));
            } else {
                shown.put(name, value);
            }
        });
        return shown;
    }
}
