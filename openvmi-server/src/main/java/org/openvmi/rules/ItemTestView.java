package org.openvmi.rules;

import java.util.Map;

/**
 * The editor's "test on this item": one warehouse of the item, whether the rule's scope admits it, whether the
 * condition holds, with the values it was decided on (empty outside the scope: a rule reads only its scope), or the
 * error that stopped the evaluation. Nothing is written.
 */
public record ItemTestView(
        String item, String warehouse, boolean inScope, boolean fires, String error, Map<String, String> values) {}
