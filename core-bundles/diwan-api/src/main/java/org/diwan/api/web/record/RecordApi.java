package org.diwan.api.web.record;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The shell's JSON API flow for a {@link RecordResource}, served at {@code <apiBase>/*} by the shell itself for
 * every resource registered as a service with {@code diwan.plugin=<plugin id>}:
 *
 * <ul>
 * <li>{@code GET apiBase?q=&<filter>=&sort=&dir=&page=&size=}: {@code {"items": [...], "total", "page", "size"}};
 * <li>{@code GET apiBase/{id}}: the record, with {@code ETag: "<version>"};
 * <li>{@code POST apiBase}: creates (201, {@code Location}, {@code ETag});
 * <li>{@code PUT apiBase/{id}}: updates the version named by {@code If-Match} (412 when another was saved since)
 * or by the body's {@code version} (409); neither is 428.
 * </ul>
 * Bodies are JSON objects of at most 64 KiB whose members are texts or numbers (415, 413, 400, 422 otherwise).
 * Every refusal is an RFC 9457 {@code application/problem+json} document with the members {@code type},
 * {@code title}, {@code status}, {@code detail}, and Diwan's {@code error} code, {@code message} (the detail in the
 * caller's language), {@code fields} (field to message, for 422) and {@code current} (the record now, for 409
 * and 412).
 */
@ProviderType
public interface RecordApi {

    void serve(HttpServletRequest request, HttpServletResponse response, RecordResource<?> resource) throws IOException, ServletException;
}
