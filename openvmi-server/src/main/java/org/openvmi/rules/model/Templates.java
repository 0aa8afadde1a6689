package org.openvmi.rules.model;

import java.util.List;

/**
 * The seed rules a user starts from (issue 17): stale stock, smart reorder, transfer suggestion (a warehouse below its
 * warning line takes stock from the item's warehouse with the most days of cover above 90), dynamic safety stock (the
 * line set from demand variability and the supplier's on-time rate) and the channel pause with its resume (the item
 * paused on a secondary channel while that channel's pool runs low, resumed once it is back above 20; the demo's
 * STORES channel stands for "channel X").
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
            return new RuleDefinition(
                    text.apply(nameKey(), rule.name()),
                    text.apply(descriptionKey(), rule.description()),
                    rule.ownerSupplier(),
                    rule.scope(),
                    rule.trigger(),
                    rule.condition(),
                    rule.actions());
        }
    }

    public static java.util.Optional<Template> byKey(String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public static final String STALE_CONDITION = "onHand > 0.0 && (daysSinceLastIssue >= 60 || daysOfCover > 180.0)";
    public static final String REORDER_CONDITION = "available + onOrder < demand30d * 1.2 && supplierLeadTimeDays > 15";
    public static final String REORDER_QUANTITY = "demand30d * 1.2 - available - onOrder";

    public static final String TRANSFER_CONDITION = "hasPolicy && available < warning && maxCoverElsewhere > 90.0";
    /** Up to the max line (the action cuts it to what the source holds above its own safety line). */
    public static final String TRANSFER_QUANTITY = "max - available";

    public static final String SAFETY_CONDITION = "hasPolicy && avgDailyDemand > 0.0"
            + " && (demandCv >= 1.0 || supplierOnTimeRate < 0.8) && safety < suggestedSafety";
    /** The channel the channel-pause template names (the demo's secondary channel); the editor offers the others. */
    public static final String PAUSE_CHANNEL = "STORES";

    public static final String CHANNEL_PAUSE_CONDITION =
            "\"" + PAUSE_CHANNEL + "\" in channelAvailable && channelAvailable[\"" + PAUSE_CHANNEL + "\"] < 10.0";

    /** Back at 20, not at 10: a pool hovering around the pause line does not pause and resume on every movement. */
    public static final String CHANNEL_RESUME_CONDITION = "\"" + PAUSE_CHANNEL + "\" in pausedChannels && \""
            + PAUSE_CHANNEL + "\" in channelAvailable && channelAvailable[\"" + PAUSE_CHANNEL + "\"] >= 20.0";

    /** Mondays at 6:00: the safety review is weekly. */
    public static final String WEEKLY_MONDAY_6AM = "0 0 6 * * MON";

    public static final List<Template> ALL = List.of(
            new Template(
                    "stale-stock",
                    "Stale stock: no issue for 60 days or over 180 days of cover",
                    "呆滞预警：60 天无出库或可用天数超过 180 天",
                    new RuleDefinition(
                            "Stale stock",
                            "No issue for 60 days or days of cover > 180: stale-risk alert" + " and a clearance task",
                            null,
                            RuleScope.ALL,
                            new Trigger(Trigger.DAILY_6AM, List.of()),
                            STALE_CONDITION,
                            List.of(
                                    new Action(
                                            Action.Type.ALERT,
                                            Action.Severity.WARNING,
                                            "Stale risk: {item} at {warehouse}, no issue for {daysSinceLastIssue} days, "
                                                    + "{daysOfCover} days of cover, value {stockValue}",
                                            "呆滞风险：{item}（{warehouse}）{daysSinceLastIssue} 天无出库，可用 {daysOfCover} 天，"
                                                    + "金额 {stockValue}",
                                            null,
                                            null,
                                            null),
                                    new Action(Action.Type.CLEARANCE_TASK, null, null, null, null, null, 14)))),
            new Template(
                    "smart-reorder",
                    "Smart reorder: long lead time and cover below 30 days of demand × 1.2",
                    "智能补货：交期长且可用加在途低于 30 天需求 × 1.2",
                    new RuleDefinition(
                            "Smart reorder",
                            "Available + on order below 1.2 × the last 30 days' demand for"
                                    + " an item whose supplier needs more than 15 days: purchase suggestion for approval",
                            null,
                            RuleScope.ALL,
                            new Trigger(Trigger.DAILY_6AM, List.of()),
                            REORDER_CONDITION,
                            List.of(new Action(
                                    Action.Type.PURCHASE_SUGGESTION, null, null, null, REORDER_QUANTITY, null, null)))),
            new Template(
                    "transfer-suggestion",
                    "Transfer: below warning here while another warehouse has over 90 days of cover",
                    "调拨建议：本仓低于预警线而其他仓可用天数超过 90 天",
                    new RuleDefinition(
                            "Transfer suggestion",
                            "Available below the warning line here while another warehouse of the item has more than"
                                    + " 90 days of cover: a transfer suggestion up to the max line from the warehouse"
                                    + " with the most cover, never taking it below its safety line",
                            null,
                            RuleScope.ALL,
                            new Trigger(Trigger.DAILY_6AM, List.of()),
                            TRANSFER_CONDITION,
                            List.of(Action.transfer(
                                    TRANSFER_QUANTITY,
                                    null,
                                    java.math.BigDecimal.valueOf(Action.DEFAULT_SOURCE_COVER))))),
            new Template(
                    "dynamic-safety",
                    "Dynamic safety stock: variable demand or late supplier, safety line too low",
                    "动态安全库存：需求波动大或供应商不准时，安全线偏低",
                    new RuleDefinition(
                            "Dynamic safety stock",
                            "Weekly: demand varies a lot (cv ≥ 1) or the supplier"
                                    + " delivers under 80 % on time, and the safety line is below 1.65 × the demand's"
                                    + " deviation over the lead time: the safety line set to it, with an alert saying so",
                            null,
                            RuleScope.ALL,
                            new Trigger(WEEKLY_MONDAY_6AM, List.of()),
                            SAFETY_CONDITION,
                            List.of(
                                    new Action(
                                            Action.Type.SET_SAFETY_STOCK,
                                            null,
                                            null,
                                            null,
                                            "suggestedSafety",
                                            null,
                                            null),
                                    new Action(
                                            Action.Type.ALERT,
                                            Action.Severity.INFO,
                                            "Safety line of {item} at {warehouse} raised from {safety} to"
                                                    + " {suggestedSafety} (rounded up): demand variability {demandCv},"
                                                    + " supplier on time {supplierOnTimeRate}, lead time"
                                                    + " {supplierLeadTimeDays} days",
                                            "{item}（{warehouse}）的安全线已从 {safety} 提高到 {suggestedSafety}（向上取整）："
                                                    + "需求波动系数 {demandCv}，供应商准时率 {supplierOnTimeRate}，"
                                                    + "交期 {supplierLeadTimeDays} 天",
                                            null,
                                            null,
                                            null)))),
            new Template(
                    "channel-pause",
                    "Channel pause: pause an item on a channel while its available is below 10",
                    "渠道暂停：渠道可用低于 10 时暂停该物料在该渠道销售",
                    new RuleDefinition(
                            "Channel pause",
                            "The free stock of the channel's warehouses for the item is below 10: pause the item on"
                                    + " the channel until a rule or a person resumes it (checked on every movement)",
                            null,
                            RuleScope.ALL,
                            new Trigger(Trigger.DAILY_6AM, List.of(Trigger.Event.MOVEMENT_POSTED.name())),
                            CHANNEL_PAUSE_CONDITION,
                            List.of(Action.channel(Action.Type.CHANNEL_PAUSE, PAUSE_CHANNEL)))),
            new Template(
                    "channel-resume",
                    "Channel resume: resume an item on a channel once its available is back at 20",
                    "渠道恢复：渠道可用回到 20 以上时恢复该物料在该渠道销售",
                    new RuleDefinition(
                            "Channel resume",
                            "The item is paused on the channel and the free stock of the channel's warehouses is back"
                                    + " at 20 or more: resume it (lifts a rule's pause only, never a person's; checked"
                                    + " on every movement)",
                            null,
                            RuleScope.ALL,
                            new Trigger(Trigger.DAILY_6AM, List.of(Trigger.Event.MOVEMENT_POSTED.name())),
                            CHANNEL_RESUME_CONDITION,
                            List.of(Action.channel(Action.Type.CHANNEL_RESUME, PAUSE_CHANNEL)))));

    private Templates() {}
}
