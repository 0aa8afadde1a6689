package org.openvmi.shared.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The domain refuses in plain English ("unknown item 'X'", "is required"), which is what the REST API returns. On a
 * page the same refusal is shown in the page's language: the common phrasings get a message code (see
 * {@code i18n/messages*.properties}, {@code domain.*}) with the English text as the default for the rest.
 */
final class DomainMessageCodes {

    record Coded(String code, Object[] args) {}

    private record Rule(Pattern pattern, String code) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?:is required|must not be (?:null|blank))"), "domain.required"),
            new Rule(Pattern.compile("must not be negative"), "domain.notNegative"),
            new Rule(Pattern.compile("must be greater than (?:0|zero)"), "domain.positive"),
            new Rule(Pattern.compile("is required and must not be negative"), "domain.requiredNotNegative"),
            new Rule(Pattern.compile("is required and must be greater than zero"), "domain.requiredPositive"),
            new Rule(Pattern.compile("must not be less than min \\((.*)\\)"), "domain.notBelowMin"),
            new Rule(Pattern.compile("must not be above max"), "domain.notAboveMax"),
            new Rule(Pattern.compile("must not be before validFrom"), "domain.notBeforeValidFrom"),
            new Rule(Pattern.compile("must be a three-letter currency code such as CNY"), "openvmi.currency.pattern"),
            new Rule(Pattern.compile("'(.*)' is not a VMI zone \\(type .*\\)"), "domain.notVmiZone"),
            new Rule(Pattern.compile("at least one line is required"), "domain.atLeastOneLine"),
            new Rule(Pattern.compile("unknown (item|warehouse|location|supplier) '(.*)'"), "domain.unknown."),
            new Rule(Pattern.compile("\\w[\\w ]* with code '(.*)' already exists"), "domain.duplicate"),
            new Rule(Pattern.compile(".* was changed by someone else.*"), "domain.stale"),
            // refusals that reach the forms of issue 13: a transfer received beyond its shipment, an approval rule
            new Rule(
                    Pattern.compile("Receiving more than shipped: item '([^']*)'.*? shipped (\\S+), received (\\S+),"
                            + " open (\\S+), requested (\\S+)"),
                    "domain.receivingMoreThanShipped"),
            // refusals of the receiving page (issue 21): over the line's tolerance, a location of another warehouse
            new Rule(
                    Pattern.compile("would receive (\\S+) of (\\S+) ordered; at most (\\S+) \\(over-delivery tolerance"
                            + " (\\S+)%\\)"),
                    "domain.overTolerance"),
            new Rule(
                    Pattern.compile("location (\\S+) is not in warehouse (\\S+) the order delivers to"),
                    "domain.locationOfOtherWarehouse"),
            new Rule(Pattern.compile("location '(.*)' is not a location of warehouse '(.*)'"), "domain.notOwnLocation"),
            new Rule(Pattern.compile("'(.*)' is not a number"), "domain.notANumber"),
            new Rule(Pattern.compile("'(.*)' is not a whole number"), "domain.notAWholeNumber"),
            new Rule(
                    Pattern.compile("unknown value '(.*)'; allowed: (.*) \\(or a user name\\)"),
                    "domain.unknownApprover"),
            new Rule(Pattern.compile("unknown user '(.*)' \\(a user name or role:NAME\\)"), "domain.unknownUser"),
            new Rule(
                    Pattern.compile("unknown value '(.*)'; (?:allowed:|one of) \\[?([^\\]]*)\\]?"),
                    "domain.unknownValue"),
            new Rule(
                    Pattern.compile("at least one approver \\(user name or role:NAME\\) is required"),
                    "domain.atLeastOneApprover"),
            // one statement per supplier and period, none of 0.00 (issue 21)
            new Rule(
                    Pattern.compile("supplier '(.*)' has a statement of (\\S+)\\.\\.(\\S+) already \\(ST-(\\d+)\\)"),
                    "domain.statementExists"),
            new Rule(
                    Pattern.compile(
                            "supplier '(.*)' has nothing to settle up to (\\S+): the statement would be 0\\.00"),
                    "domain.statementEmpty"),
            // requisitions and the purchases planned from suggestions (ADR 0084): refusals reported per document
            new Rule(Pattern.compile("item (\\S+) has no supplier on its source list"), "domain.noSource"),
            new Rule(Pattern.compile("Requisition (\\d+) does not exist"), "domain.requisitionUnknown"),
            // Bean Validation's defaults, interpolated in English by RequestValidation
            new Rule(Pattern.compile("must not be empty"), "domain.required"),
            new Rule(
                    Pattern.compile("(?:size must be between \\d+ and|at most) (\\d+)(?: characters)?"),
                    "domain.atMostChars"),
            new Rule(Pattern.compile("must be greater than or equal to (.*)"), "domain.atLeast"),
            new Rule(Pattern.compile("must be less than or equal to (.*)"), "domain.atMostValue"),
            new Rule(Pattern.compile("must match \".*\""), "domain.pattern"),
            new Rule(Pattern.compile("must be a well-formed email address"), "domain.email"),
            new Rule(
                    Pattern.compile("at most (\\d+) digits before and (\\d+) after the decimal point"),
                    "domain.digits"));

    private DomainMessageCodes() {}

    /** The message code and arguments for a refusal of the domain, or the generic code when none fits. */
    static Coded of(String message) {
        if (message != null) {
            for (Rule rule : RULES) {
                Matcher m = rule.pattern().matcher(message.trim());
                if (m.matches()) {
                    if (rule.code().endsWith(".")) {
                        return new Coded(rule.code() + m.group(1), new Object[] {m.group(2)});
                    }
                    Object[] args = new Object[m.groupCount()];
                    for (int g = 1; g <= m.groupCount(); g++) {
                        args[g - 1] = m.group(g);
                    }
                    return new Coded(rule.code(), args);
                }
            }
        }
        return new Coded("domain", new Object[0]);
    }
}
