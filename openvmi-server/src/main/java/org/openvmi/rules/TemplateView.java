package org.openvmi.rules;

import org.openvmi.rules.model.RuleDefinition;

/** A seed rule to start from, named in the caller's language. */
public record TemplateView(String key, String name, RuleDefinition rule) {}
