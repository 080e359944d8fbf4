-- R44: every change of an appeal's due date with its reason, oldest first, as a JSON array
-- of {"from","to","reason","by","at"} (api::outcomes::DueChange). The appeal row keeps the
-- latest date and reason; the audit trail has the dates but never free text.
ALTER TABLE appeals_on_control ADD COLUMN due_changes TEXT NOT NULL DEFAULT '[]';
