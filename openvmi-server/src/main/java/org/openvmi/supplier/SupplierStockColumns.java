package org.openvmi.supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /supplier-stock/columns}: a supplier's column names and what each means, replacing what was
 * remembered. A supplier user may leave {@code supplier} out (its own).
 */
public class SupplierStockColumns {

    private String supplier;

    @Size(max = 200)
    private List<@Valid SupplierStockColumn> columns = new ArrayList<>();

    public String getSupplier() {
        return supplier;
    }

    public void setSupplier(String supplier) {
        this.supplier = supplier == null || supplier.isBlank() ? null : supplier.trim();
    }

    public List<SupplierStockColumn> getColumns() {
        return columns;
    }

    public void setColumns(List<SupplierStockColumn> columns) {
        this.columns = columns == null ? new ArrayList<>() : columns;
    }
}
