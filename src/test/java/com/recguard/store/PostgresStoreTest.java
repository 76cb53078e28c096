package com.recguard.store;

import java.sql.DriverManager;
import com.recguard.servers.SharedServers;
import org.junit.jupiter.api.BeforeEach;

/**
 * The same contract on PostgreSQL, the setting for several nodes. .ci/install-test-servers starts
 * a local server and bin/test passes its URL in RECGUARD_TEST_PG_URL; without it the test skips loudly, and fails on CI.
 */
class PostgresStoreTest extends StoreContract {

    static final String URL = System.getenv("RECGUARD_TEST_PG_URL"); // SharedServers.postgresUrl() checks it

    @BeforeEach
    void cleanDatabase() throws Exception {
        SharedServers.postgresUrl();
        try (var c = DriverManager.getConnection(URL); var st = c.createStatement()) {
            // The whole schema, Flyway's history included: each test starts from an empty database.
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
    }

    @Override
    Store open() throws Exception {
        return Store.open(URL);
    }
}
