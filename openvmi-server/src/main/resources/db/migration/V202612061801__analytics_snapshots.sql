-- Analytics read model (ADR 0038), kept by an incremental job from the inventory ledger; codes, not ids, because the
-- analytics reads other features only through their public APIs.
-- The job's cursor: the id of the last ledger movement folded into the snapshots; locked (FOR UPDATE) by the job so
-- that only one instance catches up at a time.
CREATE TABLE analytics_cursor (
    name             VARCHAR(32) PRIMARY KEY,
    last_movement_id BIGINT      NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO analytics_cursor (name, last_movement_id, updated_at) VALUES ('snapshots', 0, CURRENT_TIMESTAMP);

-- One row per item × warehouse × owner and day with movements; the closing carries over days without a row.
CREATE TABLE analytics_daily (
    item          VARCHAR(64)    NOT NULL,
    warehouse     VARCHAR(64)    NOT NULL,
    owner         VARCHAR(64)    NOT NULL,
    snapshot_day  DATE           NOT NULL,
    closing_qty   NUMERIC(19, 4) NOT NULL,
    closing_value NUMERIC(24, 6) NOT NULL,
    receipt_qty   NUMERIC(19, 4) NOT NULL,
    issue_qty     NUMERIC(19, 4) NOT NULL,
    issue_cost    NUMERIC(24, 6) NOT NULL,
    demand_qty    NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (item, warehouse, owner, snapshot_day)
);
CREATE INDEX analytics_daily_day ON analytics_daily (snapshot_day);
CREATE INDEX analytics_daily_warehouse_day ON analytics_daily (warehouse, snapshot_day);

-- The open FIFO receipt layers of each key, oldest first (seq); a negative quantity is a deficit.
CREATE TABLE analytics_layer (
    item        VARCHAR(64)    NOT NULL,
    warehouse   VARCHAR(64)    NOT NULL,
    owner       VARCHAR(64)    NOT NULL,
    seq         INTEGER        NOT NULL,
    received_on DATE           NOT NULL,
    qty         NUMERIC(19, 4) NOT NULL,
    unit_cost   NUMERIC(19, 6) NOT NULL,
    PRIMARY KEY (item, warehouse, owner, seq)
);

-- The last layer cost of each item, for receipts posted without a unit cost.
CREATE TABLE analytics_item_cost (
    item      VARCHAR(64)    PRIMARY KEY,
    unit_cost NUMERIC(19, 6) NOT NULL
);
