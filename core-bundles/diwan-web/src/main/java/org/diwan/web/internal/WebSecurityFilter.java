package org.diwan.web.internal;

import javax.servlet.Filter;

import org.apache.shiro.web.servlet.AbstractShiroFilter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Binds the visitor's Shiro subject (and session) to the request's thread, for the servlets and the
 * {@code CurrentUser} service. The access decision itself is taken before, in {@link DiwanContext}, by
 * {@link ShiroSecurity}; a servlet reached before this filter is registered finds no subject and fails closed.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=900")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + DiwanContext.NAME + ")")
@HttpWhiteboardFilterName("diwan-security")
public final class WebSecurityFilter extends AbstractShiroFilter {

    @Activate
    public WebSecurityFilter(@Reference ShiroSecurity security) {
        setSecurityManager(security.manager());
    }
}
