package org.diwan.console.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.diwan.api.search.CollectionStatus;
import org.diwan.api.search.SearchService;

@Command(scope = "diwan", name = "search", description = "Lists the search index's collections: records, rebuilds, last error.")
@Service
public class SearchCommand implements Action {

    @Reference
    private SearchService search;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Collection");
        table.column("Records").alignRight();
        table.column("State");
        table.column("Source");
        table.column("Last rebuilt");
        table.column("Last error");
        for (CollectionStatus collection : search.status()) {
            table.addRow().addContent(collection.collection(), collection.documents(), collection.rebuilding() ? "rebuilding" : "ready",
                    collection.hasSource() ? "yes" : "none", collection.lastRebuilt() == null ? "" : collection.lastRebuilt().toString(),
                    collection.lastError() == null ? "" : collection.lastError());
        }
        table.print(System.out);
        return null;
    }
}
