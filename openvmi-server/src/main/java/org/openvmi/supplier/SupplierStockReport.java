package org.openvmi.supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /supplier-stock}: a supplier's lines, stored all or nothing. A supplier user may leave
 * {@code supplier} out (its own); naming another supplier is refused with 403.
 */
public class SupplierStockReport {

    private String supplier;

    @NotEmpty
    @Size(max = 10_000)
    private List<@Valid SupplierStockLine> lines = new ArrayList<>();

    public String getSupplier() {
        return supplier;
    }

    public void setSupplier(String supplier) {
        this.supplier = supplier == null || supplier.isBlank() ? null : supplier.trim();
    }

    public List<SupplierStockLine> getLines() {
        return lines;
    }

    public void setLines(List<SupplierStockLine> lines) {
        this.lines = lines == null ? new ArrayList<>() : lines;
    }
}
