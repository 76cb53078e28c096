package com.recguard.service;

import com.recguard.store.Store;
import java.sql.DriverManager;
import com.recguard.servers.SharedServers;
import org.junit.jupiter.api.BeforeEach;

/** The two-node contract on PostgreSQL (RECGUARD_TEST_PG_URL, set by bin/test); skips loudly without it, and fails on CI. */
class TwoNodesPostgresTest extends TwoNodesContract {

    static final String URL = System.getenv("RECGUARD_TEST_PG_URL"); // SharedServers.postgresUrl() checks it

    @BeforeEach
    void cleanDatabase() throws Exception {
        SharedServers.postgresUrl();
        try (var c = DriverManager.getConnection(URL); var st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
    }

    @Override
    Store open() throws Exception {
        return Store.open(URL);
    }
}
