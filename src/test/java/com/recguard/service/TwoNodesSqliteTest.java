package com.recguard.service;

import com.recguard.store.Store;

class TwoNodesSqliteTest extends TwoNodesContract {

    @Override
    Store open() throws Exception {
        return Store.open("jdbc:sqlite:" + tmp.resolve("shared.db"));
    }
}
