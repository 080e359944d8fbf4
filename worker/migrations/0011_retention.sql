-- Retention of personal data (R39-4; README, "Personal data: how long it is kept").
--
-- The cron clears a booking's personal data (names, IIN or passport, phone, e-mail, the
-- represented person and the authority, the matter, the answers, staff's free-text notes)
-- a number of days after its reception, or, for a booking that led to an appeal put on
-- control, a number of days after the appeal is taken off control. Appeals on control do
-- not exist yet: `appeal_on_control` stays 0 and `appeal_control_ended_at` NULL for every
-- row until the control of appeals sets them, so today only the first rule applies.
ALTER TABLE bookings ADD COLUMN appeal_on_control INTEGER NOT NULL DEFAULT 0
    CHECK (appeal_on_control IN (0, 1));
ALTER TABLE bookings ADD COLUMN appeal_control_ended_at TEXT;

-- `person_hash`, `idempotency_key_hash` and `request_hash` are HMACs under the Worker secret
-- PSEUDONYM_KEY from now on (worker/src/pseudonym.rs). SQL cannot compute them for the rows
-- written before: they are marked here. The cron recomputes the person hash of a marked
-- row that still holds its identity (retention.rs); its key and body hashes cannot be
-- recomputed (only hashes were kept), so a replay of a request made before the switch is
-- not recognised — the person's own new booking with the official is then refused as a
-- duplicate once the person hash is recomputed.
ALTER TABLE bookings ADD COLUMN legacy_hashes INTEGER NOT NULL DEFAULT 0
    CHECK (legacy_hashes IN (0, 1));
UPDATE bookings SET legacy_hashes = 1;

-- What each cron run looks for, without reading the whole table.
CREATE INDEX bookings_retained ON bookings (reception_date)
    WHERE personal_data_cleared_at IS NULL;
CREATE INDEX bookings_sealed ON bookings (created_at) WHERE token_seal IS NOT NULL;
CREATE INDEX bookings_legacy ON bookings (code) WHERE legacy_hashes = 1;

-- Rate-limit counts keyed by the old plain hashes: minutes long gone by the next run anyway.
DELETE FROM rate_limits;
DELETE FROM staff_sign_in_failures;
