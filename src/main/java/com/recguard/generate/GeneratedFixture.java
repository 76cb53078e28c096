package com.recguard.generate;

import com.recguard.model.Expectation;
import com.recguard.model.Bundle;

/**
 * One generated conversation: its file name (without .json), the scenario it was drawn from, a
 * sentence for the reader, the bundle, and what the policy says must be decided for it.
 */
public record GeneratedFixture(String name, Scenario scenario, String description, Bundle bundle, Expectation expect) {}
