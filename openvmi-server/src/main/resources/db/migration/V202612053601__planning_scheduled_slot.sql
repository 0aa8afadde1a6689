-- The nightly planning run fires on every instance; the one that moves the guard row's slot forward starts it.
ALTER TABLE planning_run_guard ADD COLUMN scheduled_slot TIMESTAMP;
