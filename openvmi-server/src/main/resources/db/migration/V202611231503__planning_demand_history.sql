-- Daily demand per item and warehouse (consumption, issues and sales), the input of forecasting.
-- Days without demand have no row. ("day" is reserved in H2, hence demand_date.)
CREATE TABLE demand_history (
    item_id      BIGINT         NOT NULL REFERENCES item (id),
    warehouse_id BIGINT         NOT NULL REFERENCES warehouse (id),
    demand_date  DATE           NOT NULL,
    qty          NUMERIC(19, 4) NOT NULL,
    CONSTRAINT demand_history_pk PRIMARY KEY (item_id, warehouse_id, demand_date),
    CONSTRAINT demand_history_qty_check CHECK (qty >= 0)
);
CREATE INDEX demand_history_warehouse_day ON demand_history (warehouse_id, demand_date);
