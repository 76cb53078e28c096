package com.recguard.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.io.TempDir;

class SqliteConsoleQueriesTest extends ConsoleQueriesContract {

    @TempDir
    Path tmp;

    @Override
    Store open() {
        return Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"));
    }

    @Override
    Connection raw() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("recguard.db"));
    }
}
