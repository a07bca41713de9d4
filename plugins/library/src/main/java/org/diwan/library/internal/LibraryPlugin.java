package org.diwan.library.internal;

import java.util.List;

import org.diwan.api.i18n.LocalizedText;
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
    public static final String AUTHORITY_WRITE = "library:authority:write";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(ID,
            LocalizedText.of("المكتبة ومركز التوثيق", "Library and documentation", "Bibliothèque et documentation"), "book",
            List.of(new PermissionDef(CATALOGUE_READ, LocalizedText.of("البحث في الفهرس والاطلاع على السجلات", "Search and read the catalogue",
                            "Rechercher et consulter le catalogue")),
                    new PermissionDef(CATALOGUE_READ_RESTRICTED, LocalizedText.of("الاطلاع على السجلات المقيدة", "Read restricted records",
                            "Consulter les notices restreintes")),
                    new PermissionDef(CATALOGUE_WRITE, LocalizedText.of("الفهرسة: إنشاء السجلات وتعديلها", "Catalogue: create and edit records",
                            "Cataloguer : créer et modifier les notices")),
                    new PermissionDef(AUTHORITY_WRITE, LocalizedText.of("إدارة قوائم الضبط الاستنادي", "Manage authority records",
                            "Gérer les notices d'autorité"))),
            List.of(new NavEntry("/diwan/library/catalogue", LocalizedText.of("الفهرس", "Catalogue", "Catalogue"), CATALOGUE_READ, 1),
                    new NavEntry("/diwan/library/authorities", LocalizedText.of("قوائم الضبط الاستنادي", "Authorities", "Autorités"),
                            CATALOGUE_READ, 2),
                    new NavEntry("/diwan/library/searches", LocalizedText.of("عمليات البحث المحفوظة", "My saved searches",
                            "Mes recherches enregistrées"), CATALOGUE_READ, 3),
                    new NavEntry("/diwan/library/exchange", LocalizedText.of("الاستيراد والتصدير (مارك)", "Import and export (MARC)",
                            "Import et export (MARC)"), CATALOGUE_READ, 4)));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
