/**
 * How a bundle gets its own database schema.
 *
 * <p>A bundle that keeps data declares the manifest header {@value org.diwan.api.persistence.Schemas#HEADER}
 * naming its schema ({@code Diwan-Schema: missions}) and ships Flyway SQL migrations in
 * {@code db/migration/<schema>/V<n>__<what>.sql}. When the bundle starts, diwan-persistence applies the
 * migrations it has not applied yet to that schema, then registers a {@link javax.sql.DataSource} service
 * whose connections use the schema, with the service property {@value org.diwan.api.persistence.Schemas#PROPERTY}.
 * A component asks for it with {@code @Reference(target = "(diwan.schema=missions)")}, so it starts only once
 * its tables exist. Stopping or uninstalling the bundle withdraws the service and never touches the data.
 */
@Export
@Version("1.0.0")
package org.diwan.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
