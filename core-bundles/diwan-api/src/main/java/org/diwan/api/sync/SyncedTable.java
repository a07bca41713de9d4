package org.diwan.api.sync;

import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.diwan.api.node.NodeRole;

/**
 * A synced record type kept in one table, declared rather than written: the platform reads, sends, checks and
 * stores its rows ({@link SyncedTables}). Every change carries the whole row as a JSON object whose fields are
 * the columns in lower case (timestamps as ISO instants, dates as ISO dates, whole numbers and booleans as JSON
 * numbers and booleans, anything else as text); a receiver ignores fields it does not know, so a newer sender's
 * extra column never breaks an older receiver.
 *
 * <p>What the platform enforces for every table: a row is stored only at a higher version than the stored one;
 * the payload must be the change's own record at the change's version; on headquarters a mission's row is stored
 * only when it belongs to that mission (by {@link #scope} or, for a row that belongs to a parent record, by that
 * parent's stored owner, see {@link #ownedThrough}) and is marked with it ({@link #ownerColumn}); a row waits
 * ({@link Applied#DEFERRED}) while a record it refers to has not arrived; values that do not fit their column
 * (wrong type, too long, missing where required) refuse the change. Rules of a department go in
 * {@link TableRules}.
 *
 * @param type           the type's name, {@code <plugin>.<record>} as in {@link SyncChange#type()}
 * @param table          the table, in the plugin's schema
 * @param owner          the side whose edits count
 * @param idColumn       the column holding the record id (a UUID, the same on every node)
 * @param versionColumn  the column holding the version; {@code null} for rows never edited once made, which
 *                       always travel at version 1 (a second copy is a duplicate)
 * @param columns        the columns that travel, with their JDBC types; empty for every column of the table but
 *                       the local ones, as the database describes them
 * @param localColumns   columns that describe this node's copy, never sent and never taken from a payload
 * @param scope          how a row names its mission; {@code null} for a row meant for every mission
 * @param ownerColumn    on headquarters, the (local) column that keeps the mission a row came from ({@code null} on
 *                       rows made there): what the ownership check reads. Required for a mission-owned table unless
 *                       {@link #ownedThrough} is given
 * @param ownedThrough   for a row that belongs to a parent record (a follow-up to its letter): the parent, whose
 *                       stored owner is the row's; {@code null} otherwise
 * @param references     parents that must be stored before a row that names them ({@link Applied#DEFERRED} until
 *                       then)
 * @param travelsWhen    a column and the only value with which a row travels (an evaluation once
 *                       {@code APPROVED}); {@code null} when every row travels
 * @param exportOrder    the {@code ORDER BY} of a full export (parents before children)
 * @param envelope       {@code null} for a payload that is the row itself; otherwise the field that holds the row
 *                       in a payload that also carries {@link #children}
 * @param children       rows of other tables that travel inside the payload and are replaced with it
 * @param documentColumn a column naming a stored document whose content travels along (on its own queue);
 *                       {@code null} for none. Mission to headquarters only, as {@link SyncOutbox#captureDocument}
 */
public record SyncedTable(String type, String table, NodeRole owner, String idColumn, String versionColumn,
        Map<String, JDBCType> columns, Set<String> localColumns, MissionScope scope, String ownerColumn, ParentLink ownedThrough,
        List<ParentLink> references, TravelsWhen travelsWhen, String exportOrder, String envelope, List<ChildRows> children,
        String documentColumn) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern ORDER = Pattern.compile("[a-z_][a-z0-9_]*( (asc|desc))?(, ?[a-z_][a-z0-9_]*( (asc|desc))?)*",
            Pattern.CASE_INSENSITIVE);

    /**
     * How a row names the mission it belongs to or is addressed to.
     *
     * @param column    the row's column that names it
     * @param codeQuery {@code null} when the column holds the mission's code; otherwise a query with one parameter
     *                  (the column's value) whose first column is the code ({@code SELECT code FROM mission WHERE
     *                  id = ?}); no row means the mission has not arrived yet
     */
    public record MissionScope(String column, String codeQuery) {
        public MissionScope {
            name(column, "scope column");
        }
    }

    /**
     * A row's reference to a record of another table, which must be stored first.
     *
     * @param column      the row's column holding the parent's id
     * @param table       the parent's table (its id column is {@code id})
     * @param ownerColumn the parent table's owner column, for {@link SyncedTable#ownedThrough}; else {@code null}
     */
    public record ParentLink(String column, String table, String ownerColumn) {
        public ParentLink {
            name(column, "reference column");
            name(table, "referenced table");
            if (ownerColumn != null) {
                name(ownerColumn, "referenced owner column");
            }
        }
    }

    /** The only value of a column with which a row travels; a payload with another is refused. */
    public record TravelsWhen(String column, String value) {
        public TravelsWhen {
            name(column, "travelsWhen column");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Rows of another table that belong to the record and travel in its payload as a JSON array under
     * {@code field}; the receiver replaces the stored ones with them.
     *
     * @param field        the payload's field
     * @param table        their table
     * @param parentColumn their column holding the record's id (each received row must name this record)
     * @param filter       an SQL condition selecting the rows that travel ({@code included = TRUE}), or {@code null}
     * @param order        their {@code ORDER BY}
     * @param localColumns their columns that never travel
     */
    public record ChildRows(String field, String table, String parentColumn, String filter, String order, Set<String> localColumns) {
        public ChildRows {
            Objects.requireNonNull(field, "field");
            name(table, "child table");
            name(parentColumn, "child parent column");
            SyncedTable.order(order);
            localColumns = Set.copyOf(localColumns);
        }
    }

    public SyncedTable {
        if (!SyncChange.isValidType(type)) {
            throw new IllegalArgumentException("type must be '<plugin>.<record>' in a-z, 0-9, '-', '_': " + type);
        }
        name(table, "table");
        Objects.requireNonNull(owner, "owner");
        name(idColumn, "id column");
        if (versionColumn != null) {
            name(versionColumn, "version column");
        }
        columns = Map.copyOf(columns);
        columns.keySet().forEach(c -> name(c, "column"));
        localColumns = Set.copyOf(localColumns);
        localColumns.forEach(c -> name(c, "local column"));
        references = List.copyOf(references);
        children = List.copyOf(children);
        SyncedTable.order(exportOrder);
        if (ownerColumn != null) {
            name(ownerColumn, "owner column");
            if (!localColumns.contains(ownerColumn)) {
                throw new IllegalArgumentException(type + ": the owner column " + ownerColumn + " must be local: it is this node's");
            }
        }
        if (documentColumn != null) {
            name(documentColumn, "document column");
        }
        if (owner == NodeRole.MISSION && ownerColumn == null && ownedThrough == null) {
            throw new IllegalArgumentException(type + ": a mission-owned table needs an owner column or a parent it is owned through");
        }
        if (ownedThrough != null && ownedThrough.ownerColumn() == null) {
            throw new IllegalArgumentException(type + ": the parent it is owned through needs its owner column");
        }
        if (owner == NodeRole.MISSION && scope == null) {
            throw new IllegalArgumentException(type + ": a mission-owned table needs its mission scope");
        }
        if (envelope == null && !children.isEmpty()) {
            throw new IllegalArgumentException(type + ": child rows travel only in a payload with an envelope field");
        }
    }

    /** A declaration with the usual defaults: ids in {@code id}, versions in {@code version}, every column. */
    public static Builder builder(String type, String table, NodeRole owner) {
        return new Builder(type, table, owner);
    }

    /**
     * Whether the row's {@code column} travels: it is not local, and it is declared, or no column is (the id and
     * version columns always travel).
     */
    public boolean travels(String column) {
        return !localColumns.contains(column)
                && (columns.isEmpty() || columns.containsKey(column) || column.equals(idColumn) || column.equals(versionColumn));
    }

    private static void name(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL name: " + name);
        }
    }

    private static void order(String order) {
        if (order == null || !ORDER.matcher(order).matches()) {
            throw new IllegalArgumentException("an ORDER BY must list columns: " + order);
        }
    }

    /** Builds a {@link SyncedTable}; only type, table, owner and (for a mission's rows) scope and owner are required. */
    public static final class Builder {
        private final String type;
        private final String table;
        private final NodeRole owner;
        private String idColumn = "id";
        private String versionColumn = "version";
        private final Map<String, JDBCType> columns = new LinkedHashMap<>();
        private Set<String> localColumns = Set.of();
        private MissionScope scope;
        private String ownerColumn;
        private ParentLink ownedThrough;
        private final List<ParentLink> references = new ArrayList<>();
        private TravelsWhen travelsWhen;
        private String exportOrder;
        private String envelope;
        private final List<ChildRows> children = new ArrayList<>();
        private String documentColumn;

        private Builder(String type, String table, NodeRole owner) {
            this.type = type;
            this.table = table;
            this.owner = owner;
        }

        public Builder idColumn(String column) {
            this.idColumn = column;
            return this;
        }

        /** {@code null}: rows are never edited once made and travel at version 1. */
        public Builder versionColumn(String column) {
            this.versionColumn = column;
            return this;
        }

        /** A column that travels; call it for each, or never for every column of the table. */
        public Builder column(String name, JDBCType jdbcType) {
            columns.put(name, Objects.requireNonNull(jdbcType, "jdbcType"));
            return this;
        }

        public Builder localColumns(String... names) {
            this.localColumns = Set.of(names);
            return this;
        }

        /** The row's mission is named by {@code column}, through {@code codeQuery} (or the column holds the code). */
        public Builder missionScope(String column, String codeQuery) {
            this.scope = new MissionScope(column, codeQuery);
            return this;
        }

        /** On headquarters, the (local) column that keeps the mission a row came from. */
        public Builder ownerColumn(String column) {
            this.ownerColumn = column;
            return this;
        }

        /** The row belongs to the record {@code column} names in {@code table}, whose {@code parentOwnerColumn} says whose it is. */
        public Builder ownedThrough(String column, String table, String parentOwnerColumn) {
            this.ownedThrough = new ParentLink(column, table, parentOwnerColumn);
            return this;
        }

        /** The row waits until the record of {@code table} that {@code column} names is stored. */
        public Builder references(String column, String table) {
            references.add(new ParentLink(column, table, null));
            return this;
        }

        public Builder travelsWhen(String column, String value) {
            this.travelsWhen = new TravelsWhen(column, value);
            return this;
        }

        public Builder exportOrder(String order) {
            this.exportOrder = order;
            return this;
        }

        /** The payload is {@code {"<field>": row, ...children}} rather than the row itself. */
        public Builder envelope(String field) {
            this.envelope = field;
            return this;
        }

        public Builder child(String field, String table, String parentColumn, String filter, String order, String... localColumns) {
            children.add(new ChildRows(field, table, parentColumn, filter, order, Set.of(localColumns)));
            return this;
        }

        public Builder documentColumn(String column) {
            this.documentColumn = column;
            return this;
        }

        public SyncedTable build() {
            return new SyncedTable(type, table, owner, idColumn, versionColumn, columns, localColumns, scope, ownerColumn, ownedThrough,
                    references, travelsWhen, exportOrder == null ? idColumn : exportOrder, envelope, children, documentColumn);
        }
    }
}
