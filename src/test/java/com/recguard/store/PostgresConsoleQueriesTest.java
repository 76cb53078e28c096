package com.recguard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/** The console's read side on PostgreSQL (RECGUARD_TEST_PG_URL, set by bin/test); skips without it. */
class PostgresConsoleQueriesTest extends ConsoleQueriesContract {

    @BeforeEach
    void cleanDatabase() throws Exception {
        Assumptions.assumeTrue(PostgresStoreTest.URL != null && !PostgresStoreTest.URL.isBlank(),
                "RECGUARD_TEST_PG_URL is not set (bin/test sets it when PostgreSQL could be installed)");
        try (var c = raw(); var st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
    }

    @Override
    Store open() {
        return Store.open(PostgresStoreTest.URL);
    }

    @Override
    Connection raw() throws Exception {
        return DriverManager.getConnection(PostgresStoreTest.URL);
    }
}
