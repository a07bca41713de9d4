package org.diwan.security.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key under which failed logins from a client address are counted. An IPv6 client counts by its /64
 * prefix: one end network gets a whole /64 and may rotate through its addresses at will, so counting each
 * address alone would let it reset every counter. IPv4 addresses count alone; anything else (a name the
 * caller gave, "local") as it is.
 */
final class AddressKey {

    /** Only literals are parsed: {@link InetAddress#getByName} would resolve a host name through DNS. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?]?");
    private static final int MAX_LENGTH = 64;

    private AddressKey() {
    }

    static String of(String address) {
        if (address == null || address.isBlank()) {
            return "local";
        }
        String plain = address.strip();
        if (IPV6_LITERAL.matcher(plain).matches()) {
            String literal = plain.replace("[", "").replace("]", "");
            int zone = literal.indexOf('%');
            try {
                InetAddress parsed = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone));
                if (parsed instanceof Inet6Address) {
                    byte[] b = parsed.getAddress();
                    return String.format("%x:%x:%x:%x::/64", word(b, 0), word(b, 2), word(b, 4), word(b, 6));
                }
                return parsed.getHostAddress(); // an IPv4-mapped address counts as the IPv4 address
            } catch (UnknownHostException notALiteral) {
                // fall through: counted as given
            }
        }
        return plain.length() > MAX_LENGTH ? plain.substring(0, MAX_LENGTH) : plain;
    }

    private static int word(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}
