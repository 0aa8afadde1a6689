-- Issue 15, the 2 s goal (ADR 0079): group-level summable facts kept by the snapshot job beside the per-key rows, so
-- that an unfiltered (or warehouse / supplier) KPI over a year reads ~365 × groups rows instead of 100,000 keys'.
-- Per warehouse × owner and day: the change of the closing value on that day (a value carries forward, so it is
-- stored as a delta: the value at a day is the sum of the deltas up to it), the day's flows, and the stockout facts
-- of the month rule (docs/kpis.md): demand_count on a month's first day = the keys with demand in that calendar
-- month, zero_delta = the change of how many of them close at zero that day. Owner '*' holds the same stockout facts
-- per item × warehouse (all owners' stock together). day_no = the day as days since 1970-01-01 (plain arithmetic in
-- both databases).
CREATE TABLE analytics_group_day (
    warehouse    VARCHAR(64)    NOT NULL,
    owner        VARCHAR(64)    NOT NULL,
    fact_day     DATE           NOT NULL,
    day_no       INTEGER        NOT NULL,
    value_delta  NUMERIC(28, 6) NOT NULL,
    receipt_qty  NUMERIC(24, 4) NOT NULL,
    issue_qty    NUMERIC(24, 4) NOT NULL,
    issue_cost   NUMERIC(28, 6) NOT NULL,
    demand_qty   NUMERIC(24, 4) NOT NULL,
    zero_delta   BIGINT         NOT NULL,
    demand_count BIGINT         NOT NULL,
    PRIMARY KEY (warehouse, owner, fact_day)
);
CREATE INDEX analytics_group_day_day ON analytics_group_day (day_no);

-- 0: the facts are still to be built from the daily rows (the job's first batch after this migration does it, so an
-- upgraded database gets them from its existing snapshots); 1: built, kept by every batch.
INSERT INTO analytics_cursor (name, last_movement_id, updated_at) VALUES ('group-facts', 0, CURRENT_TIMESTAMP);
