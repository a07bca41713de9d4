package org.diwan.api.web.record;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The shell's record page flow. The shell serves every {@link RecordEditor} registered as a service with
 * {@code diwan.plugin=<plugin id>} at {@code <spec base>/*} itself; a plugin's own servlet, for pages that also do
 * something of their own, hands the rest to it:
 *
 * <pre>
 * protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
 *     recordPages.serve(request, response, editor);
 * }
 * </pre>
 *
 * <ul>
 * <li>{@code GET base}: the list (403 without the read permission); {@code ?format=csv} the same rows as CSV;
 * <li>{@code GET base/{id}}: the record (404 when {@link RecordEditor#find} finds nothing);
 * <li>{@code GET base/new}, {@code base/{id}/edit}: the form (403 without the write permission, or when
 * {@link RecordEditor#readOnlyHere} says another node keeps the record);
 * <li>{@code POST base/new}, {@code base/{id}/edit}: saves; {@link Outcome.Saved} redirects to
 * {@code base/{id}?saved=1}, {@link Outcome.Invalid} is the form again with 422, {@link Outcome.TooLarge} with 413,
 * {@link Outcome.Stale} with 409, the current record and who changed it when.
 * </ul>
 * Template models: the list gets {@code rows} (views), {@code filters}, {@code sortLinks}, {@code sortState},
 * {@code total}, {@code pageNumber}, {@code pageCount}, {@code previous}, {@code next}, {@code csvLink},
 * {@code canWrite}; the detail {@code item}, {@code saved}, {@code canWrite}, {@code readOnlyHere} (a message key);
 * the form {@code f} (field values), {@code errors} (field to message), {@code editing} (view or null),
 * {@code version}, {@code conflict} ({@code by}, {@code at}, {@code link}, or null), {@code action}. Every page also
 * gets {@code base} and the editor's {@link RecordEditor#choices choices}; the shell's fragments
 * ({@code recordFragments :: saved}, {@code :: conflict}, {@code :: formErrors}, {@code :: pager}, ...) show the
 * shared parts the same way everywhere.
 */
@ProviderType
public interface RecordPages {

    void serve(HttpServletRequest request, HttpServletResponse response, RecordEditor<?> editor) throws IOException, ServletException;
}
