-- ADR 0072: two more lists every posting consulted are kept in memory until they change. Their counters: the
-- item × warehouses a stock alert could concern (a policy, or an open line alert) and the events enabled rules
-- listen to.
INSERT INTO cache_version (name, version) VALUES ('stock-policies', 0);
INSERT INTO cache_version (name, version) VALUES ('rules', 0);
