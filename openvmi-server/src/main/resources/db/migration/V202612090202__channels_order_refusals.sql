-- Issue 15 (ADR 0058): a channel order refused for lack of available-to-sell left no trace, so the share of ordered
-- units a channel could fill was not known. The lines of the first refusal of each (channel, order id); an order
-- placed later under the same id counts as that order (ChannelOrders.outcomes).
CREATE TABLE channel_order_refusal (
    channel_id BIGINT         NOT NULL REFERENCES channel (id),
    order_id   VARCHAR(100)   NOT NULL,
    line_no    INT            NOT NULL,
    item_id    BIGINT         NOT NULL,
    qty        NUMERIC(19, 4) NOT NULL,
    refused_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, order_id, line_no)
);
CREATE INDEX channel_order_refusal_at ON channel_order_refusal (refused_at);
CREATE INDEX channel_order_created_at ON channel_order (created_at);
