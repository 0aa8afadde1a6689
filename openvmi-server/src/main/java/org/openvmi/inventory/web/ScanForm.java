package org.openvmi.inventory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The state of the scan page, kept in the page itself (hidden inputs) and sent back with every action: the header
 * (warehouse, movement type, owner, reference), the batch's idempotency key, the current location and the pending
 * lines. Once a batch is posted it stays on screen as posted, with its key, so that posting it again replays the first
 * answer; the next scan starts a new batch with a new key.
 */
public class ScanForm {

    private String warehouse;
    private String type = "RECEIPT";
    private String owner = "OWN";
    private String reference;
    private String batch;
    private boolean posted;
    private Long postingId;
    private String location;
    private List<ScanLine> lines = new ArrayList<>();

    static ScanForm start(String warehouse, String type) {
        ScanForm form = new ScanForm();
        form.setWarehouse(warehouse);
        if (type != null && !type.isBlank()) {
            form.setType(type);
        }
        form.newBatch();
        return form;
    }

    /** Forgets the lines and takes a new idempotency key; header and current location stay. */
    void newBatch() {
        batch = UUID.randomUUID().toString();
        posted = false;
        postingId = null;
        lines = new ArrayList<>();
    }

    public String getWarehouse() {
        return warehouse;
    }

    public void setWarehouse(String warehouse) {
        this.warehouse = blankToNull(warehouse);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = blankToNull(type);
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = blankToNull(owner) == null ? "OWN" : owner.trim();
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = blankToNull(reference);
    }

    public String getBatch() {
        return batch;
    }

    public void setBatch(String batch) {
        this.batch = blankToNull(batch);
    }

    public boolean isPosted() {
        return posted;
    }

    public void setPosted(boolean posted) {
        this.posted = posted;
    }

    public Long getPostingId() {
        return postingId;
    }

    public void setPostingId(Long postingId) {
        this.postingId = postingId;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = blankToNull(location);
    }

    public List<ScanLine> getLines() {
        return lines;
    }

    public void setLines(List<ScanLine> lines) {
        this.lines = lines == null ? new ArrayList<>() : lines;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** One pending line: where, what, how much (as typed; parsed when posting). */
    public static class ScanLine {

        private String location;
        private String item;
        private String name;
        private String uom;
        private String lot;
        private String qty;

        public ScanLine() {}

        ScanLine(String location, String item, String name, String uom, String qty) {
            this.location = location;
            this.item = item;
            this.name = name;
            this.uom = uom;
            this.qty = qty;
        }

        public String getLocation() {
            return location;
        }

        public void setLocation(String location) {
            this.location = blankToNull(location);
        }

        public String getItem() {
            return item;
        }

        public void setItem(String item) {
            this.item = blankToNull(item);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getUom() {
            return uom;
        }

        public void setUom(String uom) {
            this.uom = uom;
        }

        public String getLot() {
            return lot;
        }

        public void setLot(String lot) {
            this.lot = blankToNull(lot);
        }

        public String getQty() {
            return qty;
        }

        public void setQty(String qty) {
            this.qty = qty == null ? null : qty.trim();
        }
    }
}
