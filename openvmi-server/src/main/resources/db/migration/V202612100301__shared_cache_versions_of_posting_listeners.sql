-- ADR 0067: two lists every posting read from the database are now kept in memory until they change. Their counters:
-- the items under an active VMI agreement (consignment's SLA clock) and the active webhook subscriptions (the outbox).
INSERT INTO cache_version (name, version) VALUES ('vmi-agreements', 0);
INSERT INTO cache_version (name, version) VALUES ('webhook-subscriptions', 0);
