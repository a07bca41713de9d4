package org.diwan.library.internal;

import java.util.List;

import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.plugin.NavEntry;
import org.diwan.api.plugin.PermissionDef;
import org.diwan.api.plugin.PluginDescriptor;
import org.osgi.service.component.annotations.Component;

/** The library and documentation centre as the shell sees it: readers, cataloguers, authority editors. */
@Component(service = DiwanPlugin.class, property = DiwanPlugin.PLUGIN_PROPERTY + "=" + LibraryPlugin.ID)
public final class LibraryPlugin implements DiwanPlugin {

    public static final String ID = "library";
    public static final String CATALOGUE_READ = "library:catalogue:read";
    public static final String CATALOGUE_READ_RESTRICTED = "library:catalogue:restricted";
    public static final String CATALOGUE_WRITE = "library:catalogue:write";
    public static final String CATALOGUE_DELETE = "library:catalogue:delete";
    public static final String AUTHORITY_WRITE = "library:authority:write";
    /** The circulation desk: lending, returns, renewals and reservations for others, overdue notices on demand. */
    public static final String CIRCULATION = "library:circulation:desk";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(ID, "book",
            List.of(new PermissionDef(CATALOGUE_READ),
                    new PermissionDef(CATALOGUE_READ_RESTRICTED),
                    new PermissionDef(CATALOGUE_WRITE),
                    new PermissionDef(CATALOGUE_DELETE),
                    new PermissionDef(AUTHORITY_WRITE),
                    new PermissionDef(CIRCULATION)),
            List.of(new NavEntry("/diwan/library/catalogue", "library.nav.catalogue", CATALOGUE_READ, 1),
                    new NavEntry("/diwan/library/authorities", "library.nav.authorities", CATALOGUE_READ, 2),
                    new NavEntry("/diwan/library/searches", "library.nav.searches", CATALOGUE_READ, 3),
                    new NavEntry("/diwan/library/exchange", "library.nav.exchange", CATALOGUE_READ, 4),
                    new NavEntry("/diwan/library/desk", "library.nav.desk", CIRCULATION, 5),
                    new NavEntry("/diwan/library/loans", "library.nav.loans", CATALOGUE_READ, 6)));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
