-- Receiving by scan (issue 21): each warehouse may name the location its goods are received at, so the receiving
-- page fills it in; a location deleted later simply clears the setting.
ALTER TABLE warehouse ADD COLUMN receiving_location_id BIGINT;
ALTER TABLE warehouse ADD CONSTRAINT fk_warehouse_receiving_location
    FOREIGN KEY (receiving_location_id) REFERENCES location (id) ON DELETE SET NULL;

-- Idempotency-Key (receipt key) of the receipts that post stock: the first answer is stored with the key; a retry
-- with the same body gets it back and receives nothing again.
CREATE TABLE proc_request (
    idempotency_key VARCHAR(200)  PRIMARY KEY,
    operation       VARCHAR(200)  NOT NULL,
    request_hash    CHAR(64)      NOT NULL,
    response_json   TEXT          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
