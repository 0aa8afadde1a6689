-- Issue 14 leftovers (ADR 0034).
-- 1. One PO line can be cancelled: what was not received leaves on-order (cancelled_qty), the line is CANCELLED.
ALTER TABLE proc_po_line ADD COLUMN cancelled_qty NUMERIC(19, 4) DEFAULT 0 NOT NULL;
ALTER TABLE proc_po_line DROP CONSTRAINT proc_po_line_status_check;
ALTER TABLE proc_po_line ADD CONSTRAINT proc_po_line_status_check CHECK (line_status IN ('OPEN', 'CLOSED', 'CANCELLED'));

-- 2. A reservation may say when its stock is needed: the availability timeline places it on that day.
ALTER TABLE stock_reservation ADD COLUMN due_on DATE;

-- 4. Item × warehouses waiting for a targeted re-plan survive a restart; an instance takes them by deleting them.
CREATE TABLE planning_replan_pending (
    item_id      BIGINT                   NOT NULL,
    warehouse_id BIGINT                   NOT NULL,
    noted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT planning_replan_pending_pk PRIMARY KEY (item_id, warehouse_id)
);

-- 6. What shipments filled of a call-off: a confirmed one moves to PARTIALLY_SHIPPED / SHIPPED as they cover it.
ALTER TABLE vmi_calloff ADD COLUMN shipped_qty NUMERIC(19, 4) DEFAULT 0 NOT NULL;
ALTER TABLE vmi_calloff ALTER COLUMN status SET DATA TYPE VARCHAR(20);
