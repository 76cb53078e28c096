package com.recguard.adapter.genesys;

/**
 * One kind of Genesys call, for messages: what was called and the role permission it needs (named
 * in the error when Genesys answers 403, so the operator knows what to grant).
 */
record Call(String label, String permission) {

    static Call of(String label, String permission) {
        return new Call(label, permission);
    }
}
