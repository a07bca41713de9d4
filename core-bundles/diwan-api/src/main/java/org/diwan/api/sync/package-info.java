/**
 * Mission ↔ headquarters synchronisation, as a plugin and the core see it.
 *
 * <p>A plugin registers one {@link org.diwan.api.sync.SyncedType} service per record type that syncs and
 * names the side that owns it. Whenever it writes a record of that type it calls
 * {@link org.diwan.api.sync.SyncOutbox#capture} with the same JDBC connection, inside the same transaction: the
 * change leaves the node only if the write commits, and always if it does. The core carries it over the
 * node's broker to the other side, where the plugin's {@code apply} stores it, idempotently by record id and
 * version. On headquarters the core applies a mission's change only to a record that mission owns, or to a new
 * id, asking the plugin who owns what it stores ({@link org.diwan.api.sync.SyncedType#owners}); anything else
 * is refused and set aside.
 *
 * <p>A record type kept in one table needs no code of its own: the plugin declares it ({@link org.diwan.api.sync.SyncedTable},
 * with {@link org.diwan.api.sync.TableRules} for its own rules), registers it with
 * {@link org.diwan.api.sync.SyncedTables} and calls {@link org.diwan.api.sync.SyncedTables#capture} in its
 * writes' transactions.
 *
 * <p>The messaging bundle provides {@link org.diwan.api.sync.LinkMonitor} on every node and
 * {@link org.diwan.api.sync.MissionLinks} on headquarters; the queue names both sides use are in
 * {@link org.diwan.api.sync.SyncQueues}.
 */
@Export
@Version("2.1.0")
package org.diwan.api.sync;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
