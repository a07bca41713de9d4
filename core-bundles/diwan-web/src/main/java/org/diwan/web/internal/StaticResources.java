package org.diwan.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The shell's styles and fonts under {@code /static/*}, in Diwan's context: a resource registered without
 * selecting it would land in the default context, outside the filters (no security headers).
 */
@Component(service = StaticResources.class)
@HttpWhiteboardResource(pattern = "/static/*", prefix = "/static")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
public final class StaticResources {
}
