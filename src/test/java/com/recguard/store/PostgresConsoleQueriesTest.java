package com.recguard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import com.recguard.servers.SharedServers;
import org.junit.jupiter.api.BeforeEach;

/** The console's read side on PostgreSQL (RECGUARD_TEST_PG_URL, set by bin/test); skips loudly without it, and fails on CI. */
class PostgresConsoleQueriesTest extends ConsoleQueriesContract {

    @BeforeEach
    void cleanDatabase() throws Exception {
        SharedServers.postgresUrl();
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
