package com.recguard.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {

    @TempDir
    Path tmp;

    @Override
    Store open() throws Exception {
        return Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"));
    }
}
