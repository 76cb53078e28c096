package com.recguard.service;

import com.recguard.store.Store;
import java.sql.DriverManager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/** The two-node contract on PostgreSQL (RECGUARD_TEST_PG_URL, set by bin/test); skips without it. */
class TwoNodesPostgresTest extends TwoNodesContract {

    static final String URL = System.getenv("RECGUARD_TEST_PG_URL");

    @BeforeEach
    void cleanDatabase() throws Exception {
        Assumptions.assumeTrue(URL != null && !URL.isBlank(),
                "RECGUARD_TEST_PG_URL is not set (bin/test sets it when PostgreSQL could be installed)");
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
