-- ADR 0082: a reservation that ends (every channel order's commit or release, an expiry) looks up the channel hold
-- that has it by reservation id: indexed (was a scan of every hold ever written). The pause judgement asks which
-- channels have orders of an item: indexed by item.
CREATE INDEX channel_order_hold_reservation ON channel_order_hold (reservation_id);
CREATE INDEX channel_order_line_item ON channel_order_line (item_id);
