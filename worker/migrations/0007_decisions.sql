-- Staff decisions on bookings and the office's own cancellations (R3.a–R3.d, R15, R17–R19,
-- R23, R24, R30–R33): two more statuses — `cancelled_by_office` (a date cancelled or moved,
-- abusive bookings released) and `returned` (R3.c: returned unconsidered, no substance) — and
-- what a decision records. SQLite cannot change a CHECK, so the table is rebuilt with its rows,
-- indexes and triggers (those of 0004 and 0005, unchanged). The personal-data columns become
-- nullable, so that they can be cleared once the retention period ends while the rest stays
-- for statistics; a `returned` request may have no substance at all.
CREATE TABLE bookings_new (
    code                 TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 14),
    reception_id         TEXT NOT NULL REFERENCES receptions (id),
    office_id            TEXT NOT NULL REFERENCES offices (id),
    official_id          TEXT NOT NULL REFERENCES officials (id),
    reception_date       TEXT NOT NULL,
    reception            TEXT NOT NULL,
    status               TEXT NOT NULL
                         CHECK (status IN ('requested', 'confirmed', 'refused', 'cancelled',
                                           'cancelled_by_office', 'returned')),
    review_clause        TEXT NOT NULL,
    channel              TEXT NOT NULL DEFAULT 'online'
                         CHECK (channel IN ('online', 'egov', 'paper', 'call_centre', 'referral')),
    language             TEXT NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
    format               TEXT NOT NULL CHECK (format IN ('in_person', 'video')),
    interpreter          TEXT NOT NULL DEFAULT '',
    out_of_town          INTEGER NOT NULL CHECK (out_of_town IN (0, 1)),
    documents            TEXT NOT NULL,
    applicant_kind       TEXT NOT NULL CHECK (applicant_kind IN ('individual', 'representative')),
    -- Personal data, for the office's staff only (never in a public response or a log).
    citizenship          TEXT,
    iin                  TEXT DEFAULT '',
    passport             TEXT DEFAULT '',
    surname              TEXT,
    given_name           TEXT,
    patronymic           TEXT DEFAULT '',
    phone                TEXT,
    email                TEXT DEFAULT '',
    on_behalf_of         TEXT DEFAULT '',
    substance            TEXT,
    answers              TEXT,
    verdict              TEXT NOT NULL,
    person_hash          TEXT NOT NULL,
    manage_token_hash    TEXT NOT NULL,
    idempotency_key_hash TEXT NOT NULL UNIQUE,
    request_hash         TEXT NOT NULL,
    token_seal           TEXT,
    created_at           TEXT NOT NULL,
    cancelled_at         TEXT,
    -- A decision of staff: the ground of a refusal (R17, R23, R31) and the explanation in the
    -- applicant's language (R18, R24, R32); who decided (a staff account id) and when.
    decision_clause      TEXT,
    decision_explanation TEXT,
    decided_at           TEXT,
    decided_by           TEXT,
    -- R19, R33: the units' agreement, recorded before confirming where the verdict marks it.
    agreement_recorded_at TEXT,
    agreement_recorded_by TEXT,
    agreement_note       TEXT,
    -- `cancelled_by_office`: the reason shown to the applicant.
    office_reason_kk     TEXT,
    office_reason_ru     TEXT,
    office_reason_en     TEXT,
    -- R3.a: the member of staff who entered a request from another channel.
    entered_by           TEXT,
    -- When the retention period ended and the personal data were cleared.
    personal_data_cleared_at TEXT,
    CHECK (status <> 'refused' OR decision_clause IS NOT NULL OR decided_at IS NULL)
);

INSERT INTO bookings_new (code, reception_id, office_id, official_id, reception_date, reception,
    status, review_clause, channel, language, format, interpreter, out_of_town, documents,
    applicant_kind, citizenship, iin, passport, surname, given_name, patronymic, phone, email,
    on_behalf_of, substance, answers, verdict, person_hash, manage_token_hash,
    idempotency_key_hash, request_hash, token_seal, created_at, cancelled_at)
SELECT code, reception_id, office_id, official_id, reception_date, reception,
    status, review_clause, channel, language, format, interpreter, out_of_town, documents,
    applicant_kind, citizenship, iin, passport, surname, given_name, patronymic, phone, email,
    on_behalf_of, substance, answers, verdict, person_hash, manage_token_hash,
    idempotency_key_hash, request_hash, token_seal, created_at, cancelled_at
FROM bookings;

DROP TABLE bookings;
ALTER TABLE bookings_new RENAME TO bookings;

CREATE INDEX bookings_person ON bookings (official_id, person_hash);
CREATE INDEX bookings_reception ON bookings (reception_id);
-- The requests inbox: an office's bookings by status, oldest first.
CREATE INDEX bookings_office_status ON bookings (office_id, status, created_at);

CREATE TRIGGER bookings_take_place BEFORE INSERT ON bookings
WHEN NEW.status IN ('requested', 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'unknown_reception')
    WHERE NOT EXISTS (SELECT 1 FROM receptions WHERE id = NEW.reception_id);
    SELECT RAISE(ABORT, 'duplicate_booking')
    WHERE EXISTS (
        SELECT 1 FROM bookings
        WHERE official_id = NEW.official_id
          AND person_hash = NEW.person_hash
          AND status IN ('requested', 'confirmed')
          AND reception_date >= date('now', '+5 hours'));
    SELECT RAISE(ABORT, 'reception_full')
    WHERE (SELECT booked >= capacity FROM receptions WHERE id = NEW.reception_id);
END;

CREATE TRIGGER bookings_count AFTER INSERT ON bookings
WHEN NEW.status IN ('requested', 'confirmed')
BEGIN
    UPDATE receptions SET booked = booked + 1 WHERE id = NEW.reception_id;
END;

CREATE TRIGGER bookings_release AFTER UPDATE OF status ON bookings
WHEN OLD.status IN ('requested', 'confirmed') AND NEW.status NOT IN ('requested', 'confirmed')
BEGIN
    UPDATE receptions SET booked = booked - 1 WHERE id = NEW.reception_id;
END;

CREATE TRIGGER bookings_retake_place BEFORE UPDATE OF status ON bookings
WHEN OLD.status NOT IN ('requested', 'confirmed') AND NEW.status IN ('requested', 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'duplicate_booking')
    WHERE EXISTS (
        SELECT 1 FROM bookings
        WHERE official_id = NEW.official_id
          AND person_hash = NEW.person_hash
          AND code != NEW.code
          AND status IN ('requested', 'confirmed')
          AND reception_date >= date('now', '+5 hours'));
    SELECT RAISE(ABORT, 'reception_full')
    WHERE (SELECT booked >= capacity FROM receptions WHERE id = NEW.reception_id);
END;

CREATE TRIGGER bookings_recount AFTER UPDATE OF status ON bookings
WHEN OLD.status NOT IN ('requested', 'confirmed') AND NEW.status IN ('requested', 'confirmed')
BEGIN
    UPDATE receptions SET booked = booked + 1 WHERE id = NEW.reception_id;
END;

CREATE TRIGGER bookings_forget AFTER DELETE ON bookings
WHEN OLD.status IN ('requested', 'confirmed')
BEGIN
    UPDATE receptions SET booked = booked - 1 WHERE id = OLD.reception_id;
END;

CREATE TRIGGER bookings_stay BEFORE UPDATE OF reception_id ON bookings
WHEN NEW.reception_id != OLD.reception_id
BEGIN
    SELECT RAISE(ABORT, 'reception_is_fixed');
END;
