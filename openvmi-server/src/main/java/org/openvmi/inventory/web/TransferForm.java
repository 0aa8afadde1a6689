package org.openvmi.inventory.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openvmi.inventory.TransferReceiptRequest;
import org.openvmi.inventory.TransferRequest;

/** Backs the new-transfer form and the receive form: rows of item, owner, lot, quantity; empty rows are ignored. */
public class TransferForm {

    public static final int ROWS = 5;

    private String from;
    private String to;
    private String reference;
    private String reason;
    private List<Row> lines = new ArrayList<>();

    public static TransferForm blank() {
        TransferForm f = new TransferForm();
        f.pad();
        return f;
    }

    /** Drops empty rows so that the refusals' line numbers match the rows shown again, then pads to {@link #ROWS}. */
    TransferForm compact() {
        lines.removeIf(Row::empty);
        return this;
    }

    void pad() {
        while (lines.size() < ROWS) {
            lines.add(new Row());
        }
    }

    TransferRequest toRequest() {
        return new TransferRequest(
                from,
                to,
                reference,
                lines.stream()
                        .map(r -> new TransferRequest.Line(r.item, r.owner, r.lot, r.qty))
                        .toList());
    }

    TransferReceiptRequest toReceipt() {
        return new TransferReceiptRequest(lines.stream()
                .filter(r -> r.qty != null)
                .map(r -> new TransferReceiptRequest.Line(r.item, r.owner, r.lot, r.qty))
                .toList());
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<Row> getLines() {
        return lines;
    }

    public void setLines(List<Row> lines) {
        this.lines = lines == null ? new ArrayList<>() : lines;
    }

    /** One row: item, owner (empty = OWN), lot, quantity. */
    public static class Row {
        private String item;
        private String owner;
        private String lot;
        private BigDecimal qty;

        boolean empty() {
            return (item == null || item.isBlank()) && qty == null;
        }

        public String getItem() {
            return item;
        }

        public void setItem(String item) {
            this.item = item;
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

        public BigDecimal getQty() {
            return qty;
        }

        public void setQty(BigDecimal qty) {
            this.qty = qty;
        }
    }
}
