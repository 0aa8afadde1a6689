-- Alerts are published in batches (AlertsChanged, up to 200 alerts an event): a serialized batch can exceed 4000
-- characters. VARCHAR(1000000) works on both databases without turning into a CLOB on H2.
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE VARCHAR(1000000);
