-- Channels (issue 18, ADR 0055): a pause-log row may be about the whole channel (a person deactivated or reactivated
-- it: no item, no pool figure); a channel order released because its reservation was released outside channels says so.
ALTER TABLE channel_pause_log ALTER COLUMN item_id DROP NOT NULL;
ALTER TABLE channel_pause_log ALTER COLUMN pool_free DROP NOT NULL;
ALTER TABLE channel_order ADD COLUMN close_reason VARCHAR(200);
