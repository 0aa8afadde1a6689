-- ADR 0072: three more things every posting consulted are kept in memory until they change. Their counters: the
-- item × warehouses a stock alert could concern (a policy, or an open line alert) and the events enabled rules
-- listen to, and whether any sales channel is active.
INSERT INTO cache_version (name, version) VALUES ('stock-policies', 0);
INSERT INTO cache_version (name, version) VALUES ('rules', 0);
INSERT INTO cache_version (name, version) VALUES ('channels', 0);
