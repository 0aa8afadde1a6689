package org.openvmi.rules.model;

import java.util.List;

/**
 * The seed rules a user starts from (issue 17). The two shipped today; the transfer, dynamic-safety and
 * channel-pause rules need actions not built yet.
 */
public final class Templates {

    /**
     * A template: a stable key and the rule it fills the editor with. The names people read (the template's title,
     * the rule's name and description) are message keys {@code rules.template.<key>.title|name|description}, read in
     * the user's language; the English texts here are the fallback for a bundle without them.
     */
    public record Template(String key, String nameEn, String nameZh, RuleDefinition rule) {

        public String titleKey() {
            return "rules.template." + key + ".title";
        }

        public String nameKey() {
            return "rules.template." + key + ".name";
        }

        public String descriptionKey() {
            return "rules.template." + key + ".description";
        }

        /** The rule with its name and description in the reader's language ({@code text} reads a message key). */
        public RuleDefinition localized(java.util.function.BiFunction<String, String, String> text) {
            return new RuleDefinition(text.apply(nameKey(), rule.name()),
                    text.apply(descriptionKey(), rule.description()), rule.ownerSupplier(), rule.scope(),
                    rule.trigger(), rule.condition(), rule.actions());
        }
    }

    public static java.util.Optional<Template> byKey(String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public static final String STALE_CONDITION = "onHand > 0.0 && (daysSinceLastIssue >= 60 || daysOfCover > 180.0)";
    public static final String REORDER_CONDITION =
            "available + onOrder < demand30d * 1.2 && supplierLeadTimeDays > 15";
    public static final String REORDER_QUANTITY = "demand30d * 1.2 - available - onOrder";

    public static final List<Template> ALL = List.of(
            new Template("stale-stock", "Stale stock: no issue for 60 days or over 180 days of cover",
                    "呆滞预警：60 天无出库或可用天数超过 180 天",
                    new RuleDefinition("Stale stock", "No issue for 60 days or days of cover > 180: stale-risk alert"
                            + " and a clearance task", null, RuleScope.ALL,
                            new Trigger(Trigger.DAILY_6AM, List.of()), STALE_CONDITION, List.of(
                            new Action(Action.Type.ALERT, Action.Severity.WARNING,
                                    "Stale risk: {item} at {warehouse}, no issue for {daysSinceLastIssue} days, "
                                            + "{daysOfCover} days of cover, value {stockValue}",
                                    "呆滞风险：{item}（{warehouse}）{daysSinceLastIssue} 天无出库，可用 {daysOfCover} 天，"
                                            + "金额 {stockValue}", null, null, null),
                            new Action(Action.Type.CLEARANCE_TASK, null, null, null, null, null, 14)))),
            new Template("smart-reorder", "Smart reorder: long lead time and cover below 30 days of demand × 1.2",
                    "智能补货：交期长且可用加在途低于 30 天需求 × 1.2",
                    new RuleDefinition("Smart reorder", "Available + on order below 1.2 × the last 30 days' demand for"
                            + " an item whose supplier needs more than 15 days: purchase suggestion for approval", null,
                            RuleScope.ALL, new Trigger(Trigger.DAILY_6AM, List.of()), REORDER_CONDITION, List.of(
                            new Action(Action.Type.PURCHASE_SUGGESTION, null, null, null, REORDER_QUANTITY, null,
                                    null)))));

    private Templates() {
    }
}
