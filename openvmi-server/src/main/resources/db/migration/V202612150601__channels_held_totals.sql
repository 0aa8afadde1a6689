-- ADR 0097: what each channel holds reserved of an item at a warehouse, kept as a running total beside the holds.
-- A channel order read it by summing every active hold of the item joined to its order, under the item lock: work
-- growing with the open orders of the item (~1,000 buffer hits per order once 250 were open). The total is changed in
-- the transaction that activates or ends a hold (an order placed: under the item lock; committed or released; a
-- reservation ended outside channels), so it always equals that sum.
CREATE TABLE channel_item_held (
    item_id      BIGINT         NOT NULL,
    channel_id   BIGINT         NOT NULL REFERENCES channel (id),
    warehouse_id BIGINT         NOT NULL,
    qty          NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (item_id, channel_id, warehouse_id)
);

INSERT INTO channel_item_held (item_id, channel_id, warehouse_id, qty)
SELECT h.item_id, o.channel_id, h.warehouse_id, SUM(h.qty)
FROM channel_order_hold h JOIN channel_order o ON o.id = h.channel_order_id
WHERE h.active = TRUE
GROUP BY h.item_id, o.channel_id, h.warehouse_id;
