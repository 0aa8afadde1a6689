package org.openvmi.rules.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openvmi.rules.RuleRequest;
import org.openvmi.rules.RuleView;
import org.openvmi.rules.model.Action;
import org.openvmi.rules.model.RuleDefinition;
import org.openvmi.rules.model.RuleScope;
import org.openvmi.rules.model.Trigger;

/**
 * The editor's form: scope lists as comma-separated codes, and one slot per kind of action (ticked to use it), so a
 * rule is written without JSON. Converts to and from {@link RuleRequest}.
 */
public class RuleForm {

    private String name;
    private String description;
    private String ownerSupplier;
    private String items;
    private String categories;
    private String warehouses;
    private String suppliers;
    private String cron = Trigger.DAILY_6AM;
    /** The events the rule runs on (names of {@link Trigger.Event}), besides or instead of the schedule. */
    private List<String> events = new ArrayList<>();

    private String condition;
    private boolean enabled;
    private Integer version;
    private boolean alert;
    private String severity = "WARNING";
    private String messageEn;
    private String messageZh;
    private boolean purchase;
    private String quantity;
    private boolean clearance;
    private boolean safetyLine;
    private String safetyQuantity;
    private String assignee;
    private Integer dueInDays = 14;
    private boolean channelPause;
    private String pauseChannel;
    private boolean channelResume;
    private String resumeChannel;
    private boolean transfer;
    private String transferQuantity;
    private String fromWarehouse;
    private java.math.BigDecimal minSourceCover = java.math.BigDecimal.valueOf(Action.DEFAULT_SOURCE_COVER);
    private boolean serviceLevelAction;
    private java.math.BigDecimal serviceLevel;
    /** Not part of the rule: the item code of the editor's "test on this item" box. */
    private String testItem;

    public String getTestItem() {
        return testItem;
    }

    public void setTestItem(String testItem) {
        this.testItem = testItem;
    }

    static RuleForm of(RuleDefinition d, boolean enabled, Integer version) {
        RuleForm f = new RuleForm();
        f.name = d.name();
        f.description = d.description();
        f.ownerSupplier = d.ownerSupplier();
        f.items = String.join(", ", d.scope().items());
        f.categories = String.join(", ", d.scope().categories());
        f.warehouses = String.join(", ", d.scope().warehouses());
        f.suppliers = String.join(", ", d.scope().suppliers());
        f.cron = d.trigger().cron();
        f.events = new ArrayList<>(d.trigger().events());
        f.condition = d.condition();
        f.enabled = enabled;
        f.version = version;
        for (Action a : d.actions()) {
            switch (a.type()) {
                case ALERT -> {
                    f.alert = true;
                    f.severity = a.severity() == null ? null : a.severity().name();
                    f.messageEn = a.messageEn();
                    f.messageZh = a.messageZh();
                }
                case PURCHASE_SUGGESTION -> {
                    f.purchase = true;
                    f.quantity = a.quantity();
                }
                case SET_SAFETY_STOCK -> {
                    f.safetyLine = true;
                    f.safetyQuantity = a.quantity();
                }
                case CLEARANCE_TASK -> {
                    f.clearance = true;
                    f.assignee = a.assignee();
                    f.dueInDays = a.dueInDays();
                }
                case CHANNEL_PAUSE -> {
                    f.channelPause = true;
                    f.pauseChannel = a.channel();
                }
                case CHANNEL_RESUME -> {
                    f.channelResume = true;
                    f.resumeChannel = a.channel();
                }
                case TRANSFER_SUGGESTION -> {
                    f.transfer = true;
                    f.transferQuantity = a.quantity();
                    f.fromWarehouse = a.fromWarehouse();
                    f.minSourceCover = a.minSourceCover();
                }
                case SET_SERVICE_LEVEL -> {
                    f.serviceLevelAction = true;
                    f.serviceLevel = a.serviceLevel();
                }
            }
        }
        return f;
    }

    static RuleForm of(RuleView r) {
        return of(
                new RuleDefinition(
                        r.name(),
                        r.description(),
                        r.ownerSupplier(),
                        r.scope(),
                        r.trigger(),
                        r.condition(),
                        r.actions()),
                r.enabled(),
                r.version());
    }

    RuleRequest request() {
        List<Action> actions = new ArrayList<>();
        if (alert) {
            Action.Severity s = java.util.Arrays.stream(Action.Severity.values())
                    .filter(v -> v.name().equals(severity))
                    .findFirst()
                    .orElse(null);
            actions.add(new Action(Action.Type.ALERT, s, messageEn, messageZh, null, null, null));
        }
        if (purchase) {
            actions.add(new Action(Action.Type.PURCHASE_SUGGESTION, null, null, null, quantity, null, null));
        }
        if (safetyLine) {
            actions.add(new Action(Action.Type.SET_SAFETY_STOCK, null, null, null, safetyQuantity, null, null));
        }
        if (clearance) {
            // an empty assignee field is no assignee (null, as the API and templates store it): a form saved
            // unchanged then changes nothing (it made a new version of a template's rule, "" for null)
            String to = assignee == null || assignee.isBlank() ? null : assignee;
            actions.add(new Action(Action.Type.CLEARANCE_TASK, null, null, null, null, to, dueInDays));
        }
        if (channelPause) {
            actions.add(Action.channel(Action.Type.CHANNEL_PAUSE, pauseChannel));
        }
        if (channelResume) {
            actions.add(Action.channel(Action.Type.CHANNEL_RESUME, resumeChannel));
        }
        if (transfer) {
            actions.add(Action.transfer(transferQuantity, fromWarehouse, minSourceCover));
        }
        if (serviceLevelAction) {
            actions.add(Action.serviceLevel(serviceLevel));
        }
        return new RuleRequest(
                name,
                description,
                ownerSupplier,
                new RuleScope(codes(items), codes(categories), codes(warehouses), codes(suppliers)),
                new Trigger(cron, events == null ? List.of() : events),
                condition,
                actions,
                enabled,
                version);
    }

    /**
     * The editor's field for a refusal of the request's action {@code index} on {@code field} ({@code quantity} of the
     * safety-line action is {@code safetyQuantity}, the transfer's {@code transferQuantity}, a channel action's
     * {@code channel} its own select; a refused type goes to the action's own field); null when the
     * index is not an action of this form.
     */
    String actionField(int index, String field) {
        List<Action> actions = request().actions();
        if (index < 0 || index >= actions.size()) {
            return null;
        }
        return switch (actions.get(index).type()) {
            case SET_SAFETY_STOCK -> "quantity".equals(field) ? "safetyQuantity" : field;
            case CHANNEL_PAUSE -> "channel".equals(field) || "type".equals(field) ? "pauseChannel" : field;
            case CHANNEL_RESUME -> "channel".equals(field) || "type".equals(field) ? "resumeChannel" : field;
            case TRANSFER_SUGGESTION ->
                "quantity".equals(field) ? "transferQuantity" : "type".equals(field) ? "fromWarehouse" : field;
            case SET_SERVICE_LEVEL -> "type".equals(field) ? "serviceLevel" : field;
            default -> field;
        };
    }

    public boolean isTransfer() {
        return transfer;
    }

    public void setTransfer(boolean transfer) {
        this.transfer = transfer;
    }

    public String getTransferQuantity() {
        return transferQuantity;
    }

    public void setTransferQuantity(String transferQuantity) {
        this.transferQuantity = transferQuantity;
    }

    public String getFromWarehouse() {
        return fromWarehouse;
    }

    public void setFromWarehouse(String fromWarehouse) {
        this.fromWarehouse = fromWarehouse;
    }

    public java.math.BigDecimal getMinSourceCover() {
        return minSourceCover;
    }

    public void setMinSourceCover(java.math.BigDecimal minSourceCover) {
        this.minSourceCover = minSourceCover;
    }

    public boolean isServiceLevelAction() {
        return serviceLevelAction;
    }

    public void setServiceLevelAction(boolean serviceLevelAction) {
        this.serviceLevelAction = serviceLevelAction;
    }

    public java.math.BigDecimal getServiceLevel() {
        return serviceLevel;
    }

    public void setServiceLevel(java.math.BigDecimal serviceLevel) {
        this.serviceLevel = serviceLevel;
    }

    public boolean isChannelPause() {
        return channelPause;
    }

    public void setChannelPause(boolean channelPause) {
        this.channelPause = channelPause;
    }

    public String getPauseChannel() {
        return pauseChannel;
    }

    public void setPauseChannel(String pauseChannel) {
        this.pauseChannel = pauseChannel;
    }

    public boolean isChannelResume() {
        return channelResume;
    }

    public void setChannelResume(boolean channelResume) {
        this.channelResume = channelResume;
    }

    public String getResumeChannel() {
        return resumeChannel;
    }

    public void setResumeChannel(String resumeChannel) {
        this.resumeChannel = resumeChannel;
    }

    private static List<String> codes(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,，\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOwnerSupplier() {
        return ownerSupplier;
    }

    public void setOwnerSupplier(String ownerSupplier) {
        this.ownerSupplier = ownerSupplier;
    }

    public String getItems() {
        return items;
    }

    public void setItems(String items) {
        this.items = items;
    }

    public String getCategories() {
        return categories;
    }

    public void setCategories(String categories) {
        this.categories = categories;
    }

    public String getWarehouses() {
        return warehouses;
    }

    public void setWarehouses(String warehouses) {
        this.warehouses = warehouses;
    }

    public String getSuppliers() {
        return suppliers;
    }

    public void setSuppliers(String suppliers) {
        this.suppliers = suppliers;
    }

    public boolean isSafetyLine() {
        return safetyLine;
    }

    public void setSafetyLine(boolean safetyLine) {
        this.safetyLine = safetyLine;
    }

    public String getSafetyQuantity() {
        return safetyQuantity;
    }

    public void setSafetyQuantity(String safetyQuantity) {
        this.safetyQuantity = safetyQuantity;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public boolean isAlert() {
        return alert;
    }

    public void setAlert(boolean alert) {
        this.alert = alert;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getMessageEn() {
        return messageEn;
    }

    public void setMessageEn(String messageEn) {
        this.messageEn = messageEn;
    }

    public String getMessageZh() {
        return messageZh;
    }

    public void setMessageZh(String messageZh) {
        this.messageZh = messageZh;
    }

    public boolean isPurchase() {
        return purchase;
    }

    public void setPurchase(boolean purchase) {
        this.purchase = purchase;
    }

    public String getQuantity() {
        return quantity;
    }

    public void setQuantity(String quantity) {
        this.quantity = quantity;
    }

    public boolean isClearance() {
        return clearance;
    }

    public void setClearance(boolean clearance) {
        this.clearance = clearance;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public Integer getDueInDays() {
        return dueInDays;
    }

    public void setDueInDays(Integer dueInDays) {
        this.dueInDays = dueInDays;
    }
}
