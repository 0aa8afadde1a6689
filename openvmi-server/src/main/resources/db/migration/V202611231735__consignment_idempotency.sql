-- Idempotency-Key of the consignment writes that post stock (receipts, consumptions, ASN from a suggestion): the first
-- answer is stored with the key; a retry with the same body gets it back and posts nothing again.
CREATE TABLE vmi_request (
    idempotency_key VARCHAR(200)  PRIMARY KEY,
    operation       VARCHAR(200)  NOT NULL,
    request_hash    CHAR(64)      NOT NULL,
    response_json   TEXT          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
