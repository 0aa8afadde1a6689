package org.openvmi.inventory.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.inventory.CountEntryRequest;
import org.openvmi.inventory.CountRequest;
import org.openvmi.inventory.CountView;

/** Backs the new-count form (scope) and the count entry page (counted quantities, found stock). */
public class CountForm {

    public static final int FOUND_ROWS = 3;

    private String location;
    private String warehouse;
    private String category;
    private boolean blind;
    private String reference;
    private List<Row> lines = new ArrayList<>();

    /** The entry form of a count sheet as saved: one row per sheet line, then empty found-stock rows. */
    static CountForm entryOf(CountView c) {
        CountForm form = new CountForm();
        for (CountView.Line l : c.lines()) {
            Row row = new Row();
            row.item = l.item();
            row.location = l.location();
            row.owner = l.owner();
            row.lot = l.lot();
            row.counted = l.counted();
            form.lines.add(row);
        }
        for (int i = 0; i < FOUND_ROWS; i++) {
            Row found = new Row();
            found.location = c.location();
            form.lines.add(found);
        }
        return form;
    }

    CountRequest toRequest() {
        return new CountRequest(location, warehouse, category, blind, reference, false, null);
    }

    /** Rows with a counted quantity; rows left empty are not counted yet. */
    CountEntryRequest toEntry() {
        return new CountEntryRequest(lines.stream()
                .filter(r -> r.counted != null)
                .map(r -> new CountEntryRequest.Line(r.item, r.location, r.owner, r.lot, r.counted))
                .toList());
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getWarehouse() {
        return warehouse;
    }

    public void setWarehouse(String warehouse) {
        this.warehouse = warehouse;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public boolean isBlind() {
        return blind;
    }

    public void setBlind(boolean blind) {
        this.blind = blind;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public List<Row> getLines() {
        return lines;
    }

    public void setLines(List<Row> lines) {
        this.lines = lines == null ? new ArrayList<>() : lines;
    }

    /** One counted stock key. */
    public static class Row {
        private String item;
        private String location;
        private String owner;
        private String lot;
        private BigDecimal counted;

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

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public String getLot() {
            return lot;
        }

        public void setLot(String lot) {
            this.lot = lot;
        }

        public BigDecimal getCounted() {
            return counted;
        }

        public void setCounted(BigDecimal counted) {
            this.counted = counted;
        }
    }
}
