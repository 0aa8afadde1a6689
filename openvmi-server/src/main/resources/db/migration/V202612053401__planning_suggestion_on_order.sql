-- Planning on the inventory position (ADR 0028): each suggestion keeps what was on order (every open inbound line)
-- and committed (open outbound lines) when it was computed, for its reason. Older suggestions have neither.
ALTER TABLE planning_suggestion ADD COLUMN on_order NUMERIC(19, 4);
ALTER TABLE planning_suggestion ADD COLUMN committed NUMERIC(19, 4);
