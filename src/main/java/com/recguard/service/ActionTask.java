package com.recguard.service;

import com.recguard.model.Action;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;

/** One action to carry out, with the decision it belongs to and the bundle it was made from. */
public record ActionTask(Action action, Decision decision, Bundle bundle) {

    public String conversationId() {
        return decision.conversationId();
    }
}
