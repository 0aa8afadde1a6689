package org.openvmi.procurement.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An approval rule's name as a page shows it: the rule every install gets from its first procurement migration is
 * stored (and answered by the API) as {@value #DEFAULT}; a page says it in its language ({@code proc.rule.default}:
 * Default / 默认). Any other name is what an administrator typed and stays as it is.
 * In a template: {@code ${@ruleNames.label(r.name())}}.
 */
@Component("ruleNames")
public class ApprovalRuleNames {

    /** The name V202611231770 gives the catch-all rule. */
    public static final String DEFAULT = "default";

    private final MessageSource messages;

    ApprovalRuleNames(MessageSource messages) {
        this.messages = messages;
    }

    public String label(String name) {
        if (name == null) {
            return "";
        }
        return DEFAULT.equals(name)
                ? messages.getMessage("proc.rule.default", null, name, LocaleContextHolder.getLocale())
                : name;
    }
}
