-- Receiving by scan (issue 21): each warehouse may name the location its goods are received at, so the receiving
-- page fills it in; a location deleted later simply clears the setting.
ALTER TABLE warehouse ADD COLUMN receiving_location_id BIGINT;
ALTER TABLE warehouse ADD CONSTRAINT fk_warehouse_receiving_location
    FOREIGN KEY (receiving_location_id) REFERENCES location (id) ON DELETE SET NULL;

-- The receipt key (Idempotency-Key) of the receipts that post stock is kept in proc_request, created by
-- V202612061501 with the same columns for the bulk procurement writes.
