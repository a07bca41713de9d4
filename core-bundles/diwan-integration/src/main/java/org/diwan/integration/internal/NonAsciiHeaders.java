package org.diwan.integration.internal;

import java.nio.charset.StandardCharsets;

import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HTTP header values are ASCII, and HttpClient writes every other character as {@code ?}: an Arabic or French title
 * copied from a JMS property into a header would arrive as question marks. This interceptor of the {@code http} and
 * {@code https} components sends such a value as an RFC 8187 extended value instead: {@code UTF-8''} followed by the
 * value's UTF-8 bytes, percent-encoded ({@code نشرة} becomes {@code UTF-8''%D9%86%D8%B4%D8%B1%D8%A9}), which
 * {@code decodeURIComponent} and {@code URLDecoder} decode. Values that are printable ASCII are sent as they are;
 * control characters (a CR or LF that would start another header) are encoded too.
 */
final class NonAsciiHeaders implements HttpRequestInterceptor {

    static final String PREFIX = "UTF-8''";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    @Override
    public void process(HttpRequest request, EntityDetails entity, HttpContext context) {
        Header[] headers = request.getHeaders();
        boolean changed = false;
        for (int i = 0; i < headers.length; i++) {
            String value = headers[i].getValue();
            if (value != null && !isPrintableAscii(value)) {
                headers[i] = new BasicHeader(headers[i].getName(), encode(value), headers[i].isSensitive());
                changed = true;
            }
        }
        if (changed) {
            request.setHeaders(headers);
        }
    }

    static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** RFC 8187 {@code ext-value} with the UTF-8 charset and no language: only attr-chars stay as they are. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder(PREFIX);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    /**
     * RFC 8187 attr-char (ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"), less
     * "+", which Java's URLDecoder would read as a space.
     */
    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&-.^_`|~".indexOf(c) >= 0;
    }
}
