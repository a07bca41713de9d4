package org.diwan.library.internal.catalogue;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The keys by which a record is known across libraries, normalised so that a record imported again meets the one
 * already here: {@code isbn:} the ISBN-13 (an ISBN-10 is turned into it), {@code issn:}, {@code ctl:} a control
 * number with the agency that gave it (001 + 003), {@code sys:} a system number (035).
 */
public final class MatchKeys {

    private MatchKeys() {
    }

    /** The keys of an ISBN or ISSN as a cataloguer or a record writes it ("978-9953-0-1234-5", "0-306-40615-2 (pbk.)"). */
    public static Set<String> ofIdentifier(String identifier) {
        Set<String> keys = new LinkedHashSet<>();
        if (identifier == null) {
            return keys;
        }
        String text = identifier.strip().split("\\s+")[0];
        if (text.matches("\\d{4}-?\\d{3}[\\dXx]")) {
            keys.add("issn:" + text.replace("-", "").toUpperCase(Locale.ROOT));
            return keys;
        }
        String digits = text.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT);
        if (digits.length() == 13 && digits.matches("\\d{13}")) {
            keys.add("isbn:" + digits);
        } else if (digits.length() == 10 && digits.matches("\\d{9}[\\dX]")) {
            keys.add("isbn:" + isbn13(digits.substring(0, 9)));
        }
        return keys;
    }

    /** {@code ctl:} key of a control number and its agency (003, may be empty). */
    public static String control(String number, String agency) {
        return "ctl:" + (agency == null ? "" : agency.strip().toLowerCase(Locale.ROOT)) + "|" + number.strip();
    }

    /**
     * {@code sys:} key of a 035 system number: "(OCoLC)ocm00012345", "(OCoLC)12345" and "(ocolc)on12345" are one
     * number; other agencies' numbers are kept as written, the agency's code in lower case.
     */
    public static String system(String number) {
        String text = number.strip().replaceAll("\\s+", "");
        String agency = "";
        if (text.startsWith("(") && text.indexOf(')') > 0) {
            agency = text.substring(1, text.indexOf(')')).toLowerCase(Locale.ROOT);
            text = text.substring(text.indexOf(')') + 1);
        }
        if (agency.equals("ocolc")) {
            text = text.replaceFirst("^(ocm|ocn|on)", "").replaceFirst("^0+(?=\\d)", "");
        }
        return "sys:(" + agency + ")" + text;
    }

    private static String isbn13(String nine) {
        String twelve = "978" + nine;
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return twelve + (10 - sum % 10) % 10;
    }
}
