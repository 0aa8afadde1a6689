-- Transfer plans (issue 18, ADR 0056): each line compared with buying new in time too — the purchase lead time it was
-- measured against, and for a need left to buying the fastest lane left out as slower than that lead time.
ALTER TABLE transfer_plan_line ADD COLUMN lead_time_days INTEGER;
ALTER TABLE transfer_plan_line ADD COLUMN slow_lane_days INTEGER;
