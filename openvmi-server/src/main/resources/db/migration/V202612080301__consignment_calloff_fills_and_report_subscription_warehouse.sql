-- Issue 15 (rest). 1. Which shipment line filled how much of which call-off (要货), written when the shipment (ASN)
-- is created: a confirmed call-off is delivered when the shipments that filled it are received, which the VMI SLA
-- compares with its due time. Call-offs shipped before this table existed have no rows: the SLA leaves them out.
CREATE TABLE vmi_calloff_fill (
    calloff_id       BIGINT         NOT NULL REFERENCES vmi_calloff (id),
    shipment_line_id BIGINT         NOT NULL REFERENCES vmi_shipment_line (id),
    qty              NUMERIC(19, 4) NOT NULL
);
CREATE INDEX vmi_calloff_fill_calloff ON vmi_calloff_fill (calloff_id);
CREATE INDEX vmi_calloff_needed_by ON vmi_calloff (needed_by);

-- 2. A report subscription may cover one warehouse (null: every warehouse, as before).
ALTER TABLE notification_report_subscription ADD COLUMN warehouse VARCHAR(64);
