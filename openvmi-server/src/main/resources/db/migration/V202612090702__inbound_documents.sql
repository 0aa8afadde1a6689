-- Inbound documents (issue 19, ADR 0063): one row per source document posted from an ERP, WMS, POS or a supplier's
-- system, so that a document sent again is posted once and answered with its first result. Claimed (result_json
-- still null) in the transaction that posts the document; rejected documents leave no row.
CREATE TABLE inbound_document (
    kind         VARCHAR(20)  NOT NULL,
    party        VARCHAR(64)  NOT NULL,
    source_id    VARCHAR(100) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    result_json  TEXT,
    posted_by    VARCHAR(100) NOT NULL,
    posted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT inbound_document_pk PRIMARY KEY (kind, party, source_id),
    CONSTRAINT inbound_document_kind_check CHECK (kind IN ('MOVEMENTS', 'CONSUMPTIONS', 'SUPPLIER_STOCK'))
);
