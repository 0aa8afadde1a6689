package org.openvmi.stockpolicy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * Sets the lines of one item in one warehouse (both from the path, or from the file's columns on import).
 * Field checks here; the rule between the lines is {@link StockLines#problems()}.
 */
public class StockPolicyCommand {

    private String item;
    private String location;

    @NotNull
    @DecimalMin(value = "0", message = "{openvmi.nonNegative}")
    @Digits(integer = 15, fraction = 4)
    private BigDecimal safety;

    @NotNull
    @DecimalMin(value = "0", message = "{openvmi.nonNegative}")
    @Digits(integer = 15, fraction = 4)
    private BigDecimal warning;

    @NotNull
    @DecimalMin(value = "0", message = "{openvmi.nonNegative}")
    @Digits(integer = 15, fraction = 4)
    private BigDecimal max;

    @DecimalMin(value = "0.5", inclusive = false, message = "{stockpolicy.error.serviceLevel}")
    @DecimalMax(value = "1", inclusive = false, message = "{stockpolicy.error.serviceLevel}")
    @Digits(integer = 1, fraction = 4)
    private BigDecimal serviceLevel;

    @NotNull
    private PolicyMode mode = PolicyMode.MANUAL;

    private Integer version;

    public static StockPolicyCommand from(StockPolicyView v) {
        StockPolicyCommand c = new StockPolicyCommand();
        c.item = v.item();
        c.location = v.location();
        c.safety = v.safety();
        c.warning = v.warning();
        c.max = v.max();
        c.serviceLevel = v.serviceLevel();
        c.mode = v.mode();
        c.version = v.version();
        return c;
    }

    /**
     * Who the service level is a target of once this command is saved by {@code user} over {@code before} (null for
     * a new policy): nobody without a level (planning runs use theirs); whoever set it before when the level is the
     * same (saving a row again, or a rule's SET_SAFETY_STOCK, keeps a run's level a run's and a rule's target the
     * rule's); the user when the level is new or different (ADR 0075).
     */
    public String serviceLevelSetBy(StockPolicyView before, String user) {
        if (serviceLevel == null) {
            return null;
        }
        if (before != null
                && before.serviceLevel() != null
                && before.serviceLevel().compareTo(serviceLevel) == 0) {
            return before.serviceLevelSetBy();
        }
        return user;
    }

    public StockLines lines() {
        return new StockLines(safety, warning, max);
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item == null ? null : item.trim();
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location == null ? null : location.trim();
    }

    public BigDecimal getSafety() {
        return safety;
    }

    public void setSafety(BigDecimal safety) {
        this.safety = safety;
    }

    public BigDecimal getWarning() {
        return warning;
    }

    public void setWarning(BigDecimal warning) {
        this.warning = warning;
    }

    public BigDecimal getMax() {
        return max;
    }

    public void setMax(BigDecimal max) {
        this.max = max;
    }

    public BigDecimal getServiceLevel() {
        return serviceLevel;
    }

    public void setServiceLevel(BigDecimal serviceLevel) {
        this.serviceLevel = serviceLevel;
    }

    public PolicyMode getMode() {
        return mode;
    }

    public void setMode(PolicyMode mode) {
        this.mode = mode;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
