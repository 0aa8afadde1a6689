-- Issue 15, part 2 (ADR 0058): each item × warehouse × owner's state after its last daily row, kept by the snapshot
-- job beside analytics_monthly. With it a batch of movements in time order updates a key's last month and adds new
-- ones from the rows it wrote alone (MonthlyRollup.extend), instead of re-reading the month's daily rows (ADR 0050
-- measured that re-read at twice the job's cost). previous_qty: the closing quantity of the row before last_day (the
-- "went out" rule of a supplier's key needs it when last_day gets more movements); last_out_day: the last day stock
-- went out (stale stock).
CREATE TABLE analytics_key_latest (
    item          VARCHAR(64)    NOT NULL,
    warehouse     VARCHAR(64)    NOT NULL,
    owner         VARCHAR(64)    NOT NULL,
    first_day     DATE           NOT NULL,
    last_day      DATE           NOT NULL,
    closing_qty   NUMERIC(19, 4) NOT NULL,
    closing_value NUMERIC(24, 6) NOT NULL,
    previous_qty  NUMERIC(19, 4) NOT NULL,
    last_out_day  DATE,
    PRIMARY KEY (item, warehouse, owner)
);
CREATE INDEX analytics_key_latest_owner ON analytics_key_latest (owner);

-- From the snapshots already folded (the same query as SnapshotRepository.rebuildMonths).
INSERT INTO analytics_key_latest (item, warehouse, owner, first_day, last_day, closing_qty, closing_value, previous_qty,
                                  last_out_day)
SELECT r.item, r.warehouse, r.owner, r.first_day, r.snapshot_day, r.closing_qty, r.closing_value,
       COALESCE(r.previous_qty, 0),
       (SELECT MAX(m.last_out_day) FROM analytics_monthly m
         WHERE m.item = r.item AND m.warehouse = r.warehouse AND m.owner = r.owner)
FROM (SELECT item, warehouse, owner, snapshot_day, closing_qty, closing_value,
             LAG(closing_qty) OVER (PARTITION BY item, warehouse, owner ORDER BY snapshot_day) AS previous_qty,
             MIN(snapshot_day) OVER (PARTITION BY item, warehouse, owner) AS first_day,
             ROW_NUMBER() OVER (PARTITION BY item, warehouse, owner ORDER BY snapshot_day DESC) AS rn
      FROM analytics_daily) r
WHERE r.rn = 1;
