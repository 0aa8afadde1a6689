-- Whose lead time a forecast and a suggestion were planned with (helper "scope", issue 12 part 3).
-- A supplier user may read a forecast or a suggestion of its items, but not another supplier's lead time: the
-- read side shows the lead-time figures only to the supplier named here (and to the buyer side). Rows written
-- before this column existed have NULL and keep their lead time hidden from every supplier.
ALTER TABLE planning_forecast ADD COLUMN lead_time_supplier_id BIGINT REFERENCES supplier (id);
ALTER TABLE planning_suggestion ADD COLUMN lead_time_supplier_id BIGINT REFERENCES supplier (id);
