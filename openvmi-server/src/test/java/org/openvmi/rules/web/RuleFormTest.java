package org.openvmi.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openvmi.rules.model.RuleDefinition;
import org.openvmi.rules.model.Templates;

class RuleFormTest {

    /**
     * The browser posts an empty field as "" where the rule stores nothing (null): the stale-stock template's clearance
     * task has no assignee, and saving its rule's page unchanged made a new version ("" for null).
     */
    @Test
    void a_rule_shown_in_its_form_and_posted_back_unchanged_is_the_same_rule() {
        RuleDefinition stored = Templates.byKey("stale-stock").orElseThrow().rule();
        RuleForm form = RuleForm.of(stored, false, 1);
        form.setAssignee(""); // the empty assignee field, as the browser posts it

        assertThat(form.request().definition()).isEqualTo(stored);
    }
}
