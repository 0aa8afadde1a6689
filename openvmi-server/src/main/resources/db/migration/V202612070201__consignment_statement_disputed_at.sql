-- When a statement was disputed: its status moves on to CLOSED and the answer stamp is shared with a confirmation,
-- so the dispute is kept in its own column for the supplier scorecard's dispute share (docs/kpis.md).
ALTER TABLE vmi_settlement_statement ADD COLUMN disputed_at TIMESTAMP WITH TIME ZONE;
UPDATE vmi_settlement_statement SET disputed_at = answered_at WHERE status = 'DISPUTED';
