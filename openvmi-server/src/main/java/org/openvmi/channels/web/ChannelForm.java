package org.openvmi.channels.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.openvmi.channels.ChannelRequest;
import org.openvmi.channels.ChannelView;

/**
 * The channel create/edit form: the allocation rule as {@link ChannelRequest} has it, the pool as comma-separated
 * warehouse codes. An edit form is filled from the channel as stored, so sending it back unchanged changes nothing.
 */
public class ChannelForm {

    private String code;
    private String name;
    private Integer priority;
    private String warehouses;
    private BigDecimal percentage;
    private BigDecimal fixedQuota;
    private BigDecimal safetyBuffer;
    private BigDecimal pauseBelow;
    private String status = "ACTIVE";

    static ChannelForm of(ChannelView v) {
        ChannelForm f = new ChannelForm();
        f.code = v.code();
        f.name = v.name();
        f.priority = v.priority();
        f.warehouses = String.join(", ", v.warehouses());
        f.percentage = v.percentage();
        f.fixedQuota = v.fixedQuota();
        f.safetyBuffer = v.safetyBuffer();
        f.pauseBelow = v.pauseBelow();
        f.status = "INACTIVE".equals(v.status()) ? "INACTIVE" : "ACTIVE";
        return f;
    }

    ChannelRequest toRequest() {
        List<String> pool = warehouses == null
                ? List.of()
                : Arrays.stream(warehouses.split("[,，\\s]+"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        return new ChannelRequest(
                code == null ? null : code.trim(),
                name,
                priority,
                pool,
                percentage,
                fixedQuota,
                safetyBuffer,
                pauseBelow,
                status);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public String getWarehouses() {
        return warehouses;
    }

    public void setWarehouses(String warehouses) {
        this.warehouses = warehouses;
    }

    public BigDecimal getPercentage() {
        return percentage;
    }

    public void setPercentage(BigDecimal percentage) {
        this.percentage = percentage;
    }

    public BigDecimal getFixedQuota() {
        return fixedQuota;
    }

    public void setFixedQuota(BigDecimal fixedQuota) {
        this.fixedQuota = fixedQuota;
    }

    public BigDecimal getSafetyBuffer() {
        return safetyBuffer;
    }

    public void setSafetyBuffer(BigDecimal safetyBuffer) {
        this.safetyBuffer = safetyBuffer;
    }

    public BigDecimal getPauseBelow() {
        return pauseBelow;
    }

    public void setPauseBelow(BigDecimal pauseBelow) {
        this.pauseBelow = pauseBelow;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
