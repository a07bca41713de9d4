package org.diwan.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.search.SearchService;

@Command(scope = "diwan", name = "search-rebuild", description = "Rebuilds a search collection from its plugin's records, in the"
        + " background; searches see the previous index until it is done (diwan:search shows the progress).")
@Service
public class SearchRebuildCommand implements Action {

    @Argument(name = "collection", description = "the collection, as diwan:search lists it (library.record)", required = true)
    private String collection;

    @Reference
    private SearchService search;

    @Reference
    private AuditLog audit;

    @Override
    public Object execute() {
        String name = collection.strip();
        if (!search.rebuild(name)) {
            System.out.println("No plugin gives the records of " + name + ": it cannot be rebuilt.");
            return null;
        }
        ConsoleActor.audit(audit, "search.rebuild", name, "rebuild started");
        System.out.println("Rebuilding " + name + " in the background.");
        return null;
    }
}
