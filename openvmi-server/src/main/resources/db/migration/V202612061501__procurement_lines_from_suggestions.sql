-- Requisition and PO lines remember the planning suggestion they came from (a plain number: planning's table is
-- not referenced across features) and a requisition line the supplier the buyer confirmed for it, so the PO made
-- from it orders from that supplier and the supplier shows on the requisition lists (issue 21, ADR 0035).
ALTER TABLE proc_requisition_line ADD COLUMN suggestion_id BIGINT;
ALTER TABLE proc_requisition_line ADD COLUMN supplier_id BIGINT REFERENCES supplier (id);
ALTER TABLE proc_po_line ADD COLUMN suggestion_id BIGINT;
-- a PO made from several requisitions (one per supplier × warehouse) keeps the requisition of each line
ALTER TABLE proc_po_line ADD COLUMN requisition_id BIGINT REFERENCES proc_requisition (id);
CREATE INDEX proc_po_line_requisition ON proc_po_line (requisition_id);
-- a requisition made from suggestions whose suppliers and prices the buyer confirmed is ordered when approved
ALTER TABLE proc_requisition ADD COLUMN order_on_approval BOOLEAN DEFAULT FALSE NOT NULL;

-- Idempotency-Key of the bulk procurement and suggestion writes (see IdempotentRequests)
CREATE TABLE proc_request (
    idempotency_key VARCHAR(200)  PRIMARY KEY,
    operation       VARCHAR(200)  NOT NULL,
    request_hash    CHAR(64)      NOT NULL,
    response_json   TEXT          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Idempotency-Key of "suggestions → requisitions" (planning decides the suggestions, procurement writes the documents)
CREATE TABLE planning_request (
    idempotency_key VARCHAR(200)  PRIMARY KEY,
    operation       VARCHAR(200)  NOT NULL,
    request_hash    CHAR(64)      NOT NULL,
    response_json   TEXT          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
