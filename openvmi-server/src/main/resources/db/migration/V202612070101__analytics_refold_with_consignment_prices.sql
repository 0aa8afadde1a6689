-- Issue 15 fix: consignment receipts are now valued at the supplier's VMI agreement price (they carry no unit cost and
-- were folded at 0). The snapshots are a read model of the ledger: drop them and let the job fold every movement again.
DELETE FROM analytics_daily;
DELETE FROM analytics_layer;
DELETE FROM analytics_item_cost;
UPDATE analytics_cursor SET last_movement_id = 0, updated_at = CURRENT_TIMESTAMP WHERE name = 'snapshots';
