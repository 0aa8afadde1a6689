-- ReceiptLeadTimes asks, for every PO receipt line, whether its fact was recorded already (by reference): without an
-- index each question scanned every fact (issue 14, demo seeding; bench/README.md)
CREATE INDEX planning_lead_time_fact_reference ON planning_lead_time_fact (reference);
