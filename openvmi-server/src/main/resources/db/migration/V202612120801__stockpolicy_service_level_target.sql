-- Who set a policy's service level as a target (a person's login, or rule:<id> for a SET_SERVICE_LEVEL action).
-- NULL: the level is the last planning run's, not a target. Planning runs plan a pair with a target at the target's
-- level instead of the run's, and never overwrite it (ADR 0075). Levels a rule set before this column existed are
-- targets: a rule's action is the only writer that records rule:<id> as updated_by with a service level.
ALTER TABLE stock_policy ADD COLUMN service_level_set_by VARCHAR(100);
UPDATE stock_policy SET service_level_set_by = updated_by
WHERE service_level IS NOT NULL AND updated_by LIKE 'rule:%';
