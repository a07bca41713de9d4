package org.diwan.web.internal;

import javax.servlet.http.HttpServletRequest;

import org.apache.shiro.web.filter.InvalidRequestFilter;

/**
 * Shiro's {@link InvalidRequestFilter} rules, applied before any access decision: a path with ';', '\',
 * an encoded slash or period, traversal or any non-ASCII byte is refused with 400, so that no spelling of
 * a protected URL slips past the checks. Arabic therefore travels in query strings and bodies only.
 */
final class RequestValidator extends InvalidRequestFilter {

    RequestValidator() {
        setBlockSemicolon(true);
        setBlockBackslash(true);
        setBlockNonAscii(true);
        setBlockTraversal(true);
        setBlockEncodedPeriod(true);
        setBlockEncodedForwardSlash(true);
    }

    boolean isValid(HttpServletRequest request) {
        try {
            return isAccessAllowed(request, null, null);
        } catch (Exception unreadable) {
            // a request Shiro cannot even inspect is not a valid one
            return false;
        }
    }
}
