package com.recguard.service;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ROUTE_TO_NON_RECORDED_QUEUE and DISCONNECT happen while the caller is in the IVR, through the
 * consent endpoint the Architect flow calls. When they appear again in the decision made after
 * the call, there is nothing left to do but record that they were decided.
 */
public final class RealTimeActions implements ActionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RealTimeActions.class);

    @Override
    public Set<String> types() {
        return Set.of("ROUTE_TO_NON_RECORDED_QUEUE", "DISCONNECT");
    }

    @Override
    public void execute(ActionTask task) {
        LOG.info("{} for {} was carried out in real time by the IVR consent data action", task.action().type(), task.conversationId());
    }
}
