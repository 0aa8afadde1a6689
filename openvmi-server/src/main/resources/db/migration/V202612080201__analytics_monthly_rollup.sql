-- Issue 15, part 2 (ADR 0050): a year's KPI reads ~12 rows a key instead of a row per day with movements.
-- One row per item × warehouse × owner and calendar month, kept by the snapshot job beside analytics_daily
-- (MonthlyRollup): opening and closing of the month, the sum over its days of the closing value carried forward
-- (value_days), the days at or below zero, the month's receipts, issues, issue cost and demand, its first day with a
-- daily row (null: a carried month) and the last day stock went out. A key's months are contiguous from its first month to the month of its last movement.
CREATE TABLE analytics_monthly (
    item          VARCHAR(64)    NOT NULL,
    warehouse     VARCHAR(64)    NOT NULL,
    owner         VARCHAR(64)    NOT NULL,
    month_start   DATE           NOT NULL,
    opening_qty   NUMERIC(19, 4) NOT NULL,
    opening_value NUMERIC(24, 6) NOT NULL,
    closing_qty   NUMERIC(19, 4) NOT NULL,
    closing_value NUMERIC(24, 6) NOT NULL,
    value_days    NUMERIC(30, 6) NOT NULL,
    zero_days     INTEGER        NOT NULL,
    receipt_qty   NUMERIC(19, 4) NOT NULL,
    issue_qty     NUMERIC(19, 4) NOT NULL,
    issue_cost    NUMERIC(24, 6) NOT NULL,
    demand_qty    NUMERIC(19, 4) NOT NULL,
    first_day     DATE,
    last_out_day  DATE,
    PRIMARY KEY (item, warehouse, owner, month_start)
);
CREATE INDEX analytics_monthly_month ON analytics_monthly (month_start);
CREATE INDEX analytics_monthly_owner_month ON analytics_monthly (owner, month_start);

-- A supplier's reads filter on owner: without an index they scanned every daily row (bench/README, 2.8 s at full size).
CREATE INDEX analytics_daily_owner_day ON analytics_daily (owner, snapshot_day);

-- The rollup is derived from the daily rows: fold the ledger again so that every key gets its months (as
-- V202612070101 did; the snapshots are a read model of the ledger).
DELETE FROM analytics_daily;
DELETE FROM analytics_layer;
DELETE FROM analytics_item_cost;
UPDATE analytics_cursor SET last_movement_id = 0, updated_at = CURRENT_TIMESTAMP WHERE name = 'snapshots';
