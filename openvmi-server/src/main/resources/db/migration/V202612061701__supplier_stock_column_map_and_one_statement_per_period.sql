-- Issue 21 parts 3 and 4 (ADR 0037).
-- A supplier's own column names (its ERP export headers, e.g. "物料编码", "可用数量") mapped once to the upload's
-- columns and applied to its later uploads. header_key is the header trimmed and lower-cased; a NULL target_column
-- means the column is ignored (an ERP export carries columns the upload has no use for).
CREATE TABLE supplier_stock_column_map (
    supplier_id   BIGINT       NOT NULL REFERENCES supplier (id),
    header_key    VARCHAR(128) NOT NULL,
    header        VARCHAR(128) NOT NULL,
    target_column VARCHAR(32),
    updated_by    VARCHAR(100) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT supplier_stock_column_map_pk PRIMARY KEY (supplier_id, header_key)
);

-- One statement per supplier and period: the check in the use case gives the clear 409, this constraint makes two
-- concurrent requests unable to both insert.
ALTER TABLE vmi_settlement_statement
    ADD CONSTRAINT vmi_settlement_statement_one_per_period UNIQUE (supplier_id, period_from, period_to);
