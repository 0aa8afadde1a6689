package org.openvmi.consignment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.consignment.AgreementRequest;

/** The agreement form: its terms and up to a few lines (blank lines are left out). */
public class AgreementForm {

    private String supplier;
    private String currency = "CNY";
    private String ownershipMode = "UNTIL_CONSUMED";
    private String settlementCycle = "MONTHLY";
    private Integer settlementDay;
    private Integer replenishWithinHours = 48;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String penaltyTerms;
    private BigDecimal penaltyPerLateHour;
    private BigDecimal penaltyPerStockoutDay;
    private List<Line> lines = new ArrayList<>();

    public static class Line {
        private String item;
        private String location;
        private BigDecimal min;
        private BigDecimal max;
        private BigDecimal price;
        private BigDecimal safety;
        // not on the page, but kept through it: without them a save would reset a line's pack size and MOQ set
        // through the API to the source list's (issue 13: a form saved unchanged changes nothing)
        private BigDecimal packSize;
        private BigDecimal moq;

        public String getItem() {
            return item;
        }

        public void setItem(String item) {
            this.item = item;
        }

        public String getLocation() {
            return location;
        }

        public void setLocation(String location) {
            this.location = location;
        }

        public BigDecimal getMin() {
            return min;
        }

        public void setMin(BigDecimal min) {
            this.min = min;
        }

        public BigDecimal getMax() {
            return max;
        }

        public void setMax(BigDecimal max) {
            this.max = max;
        }

        public BigDecimal getPrice() {
            return price;
        }

        public void setPrice(BigDecimal price) {
            this.price = price;
        }

        public BigDecimal getSafety() {
            return safety;
        }

        public void setSafety(BigDecimal safety) {
            this.safety = safety;
        }

        public BigDecimal getPackSize() {
            return packSize;
        }

        public void setPackSize(BigDecimal packSize) {
            this.packSize = packSize;
        }

        public BigDecimal getMoq() {
            return moq;
        }

        public void setMoq(BigDecimal moq) {
            this.moq = moq;
        }

        boolean blank() {
            return (item == null || item.isBlank())
                    && (location == null || location.isBlank())
                    && min == null
                    && max == null
                    && price == null;
        }
    }

    static AgreementForm blank(LocalDate today) {
        AgreementForm f = new AgreementForm();
        f.validFrom = today;
        f.pad();
        return f;
    }

    static AgreementForm of(org.openvmi.consignment.AgreementView a) {
        AgreementForm f = new AgreementForm();
        f.supplier = a.supplier();
        f.currency = a.currency();
        f.ownershipMode = a.ownershipMode();
        f.settlementCycle = a.settlementCycle();
        f.settlementDay = a.settlementDay();
        f.replenishWithinHours = a.replenishWithinHours();
        f.validFrom = a.validFrom();
        f.validTo = a.validTo();
        f.penaltyTerms = a.penaltyTerms();
        f.penaltyPerLateHour = a.penaltyPerLateHour();
        f.penaltyPerStockoutDay = a.penaltyPerStockoutDay();
        for (org.openvmi.consignment.AgreementView.Line l : a.lines()) {
            Line line = new Line();
            line.item = l.item();
            line.location = l.location();
            line.min = l.min();
            line.max = l.max();
            line.price = l.price();
            line.safety = l.safety();
            line.packSize = l.packSize();
            line.moq = l.moq();
            f.lines.add(line);
        }
        f.lines.add(new Line());
        f.pad();
        return f;
    }

    void pad() {
        while (lines.size() < 3) {
            lines.add(new Line());
        }
    }

    AgreementRequest toRequest() {
        List<AgreementRequest.Line> out = lines.stream()
                .filter(l -> !l.blank())
                .map(l -> new AgreementRequest.Line(
                        l.item, l.location, l.min, l.max, l.price, l.safety, l.packSize, l.moq))
                .toList();
        return new AgreementRequest(
                supplier,
                currency,
                null,
                replenishWithinHours,
                settlementCycle,
                settlementDay,
                ownershipMode,
                validFrom,
                validTo,
                penaltyTerms,
                penaltyPerLateHour,
                penaltyPerStockoutDay,
                out);
    }

    public String getSupplier() {
        return supplier;
    }

    public void setSupplier(String supplier) {
        this.supplier = supplier;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getOwnershipMode() {
        return ownershipMode;
    }

    public void setOwnershipMode(String ownershipMode) {
        this.ownershipMode = ownershipMode;
    }

    public String getSettlementCycle() {
        return settlementCycle;
    }

    public void setSettlementCycle(String settlementCycle) {
        this.settlementCycle = settlementCycle;
    }

    public Integer getSettlementDay() {
        return settlementDay;
    }

    public void setSettlementDay(Integer settlementDay) {
        this.settlementDay = settlementDay;
    }

    public Integer getReplenishWithinHours() {
        return replenishWithinHours;
    }

    public void setReplenishWithinHours(Integer replenishWithinHours) {
        this.replenishWithinHours = replenishWithinHours;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public String getPenaltyTerms() {
        return penaltyTerms;
    }

    public void setPenaltyTerms(String penaltyTerms) {
        this.penaltyTerms = penaltyTerms;
    }

    public BigDecimal getPenaltyPerLateHour() {
        return penaltyPerLateHour;
    }

    public void setPenaltyPerLateHour(BigDecimal penaltyPerLateHour) {
        this.penaltyPerLateHour = penaltyPerLateHour;
    }

    public BigDecimal getPenaltyPerStockoutDay() {
        return penaltyPerStockoutDay;
    }

    public void setPenaltyPerStockoutDay(BigDecimal penaltyPerStockoutDay) {
        this.penaltyPerStockoutDay = penaltyPerStockoutDay;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }
}
