package com.recguard.store;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versioned schema: {@code src/main/resources/db/migration/V<n>__*.sql}, one set for SQLite
 * and PostgreSQL (the only difference, the auto-increment key, is the {@code serial} placeholder).
 * A database made before migrations existed (tables, no history) is baselined at version 0, so V1
 * (all {@code IF NOT EXISTS}) records it as version 1 and later versions upgrade it.
 */
final class Migrations {

    private Migrations() {}

    static void migrate(String jdbcUrl, boolean sqlite) throws SQLException {
        Flyway flyway = Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .locations("classpath:db/migration")
                .placeholders(Map.of("serial", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY"))
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("schema made before versioned migrations")
                .load();
        try {
            MigrationInfo[] all = flyway.info().all();
            MigrationVersion known = Arrays.stream(all).filter(m -> m.getState().isResolved())
                    .map(MigrationInfo::getVersion).filter(v -> v != null).max(Comparator.naturalOrder())
                    .orElse(MigrationVersion.EMPTY);
            MigrationInfo newer = Arrays.stream(all).filter(m -> m.getState().name().startsWith("FUTURE"))
                    .max(Comparator.comparing(MigrationInfo::getVersion)).orElse(null);
            if (newer != null) {
                throw new SchemaTooNewException("the database schema is at version " + newer.getVersion() + " ("
                        + newer.getDescription() + "), newer than this build knows (up to " + known
                        + "): run a recguard build at least as new as the one that migrated it");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new SQLException("schema migration failed: " + e.getMessage(), e);
        }
    }
}
