package com.recguard.config.facts;

import java.util.List;

/** The permissions of recguard's own OAuth client: the union over the roles assigned to it. */
public record ClientPermissions(String clientId, List<String> granted) {

    public ClientPermissions {
        granted = List.copyOf(granted);
    }

    /** Whether {@code permission} (domain:entity:action) is granted, honouring {@code *} in any part. */
    public boolean grants(String permission) {
        String[] want = permission.split(":", -1);
        for (String g : granted) {
            String[] have = g.split(":", -1);
            boolean all = true;
            for (int i = 0; i < want.length; i++) {
                String h = i < have.length ? have[i] : (have.length > 0 && have[have.length - 1].equals("*") ? "*" : null);
                if (h == null || !(h.equals("*") || h.equals(want[i]))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
