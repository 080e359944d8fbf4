-- Pre-registration bookings (issue 6; R3, R10, R11, R15, R30, R39-4).
--
-- A booking takes a place of its reception in the same statement that inserts it: the
-- triggers below refuse the insert when the reception is full or the person already holds
-- an active booking with the official, and count the place. D1 runs one writer at a time,
-- so concurrent requests can never exceed a reception's capacity (CHECK on receptions too).
CREATE TABLE bookings (
    code                 TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 14),
    reception_id         TEXT NOT NULL REFERENCES receptions (id),
    office_id            TEXT NOT NULL REFERENCES offices (id),
    official_id          TEXT NOT NULL REFERENCES officials (id),
    reception_date       TEXT NOT NULL,
    -- The reception as it was booked (date, times, place, format): JSON, public facts only.
    reception            TEXT NOT NULL,
    status               TEXT NOT NULL
                         CHECK (status IN ('requested', 'confirmed', 'refused', 'cancelled')),
    review_clause        TEXT NOT NULL,
    -- R3.a: where the request came from.
    channel              TEXT NOT NULL DEFAULT 'online'
                         CHECK (channel IN ('online', 'egov', 'paper', 'call_centre', 'referral')),
    language             TEXT NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
    format               TEXT NOT NULL CHECK (format IN ('in_person', 'video')),
    interpreter          TEXT NOT NULL DEFAULT '',
    out_of_town          INTEGER NOT NULL CHECK (out_of_town IN (0, 1)),
    documents            TEXT NOT NULL,
    -- Personal data, for the office's staff only (never in a public response or a log).
    applicant_kind       TEXT NOT NULL CHECK (applicant_kind IN ('individual', 'representative')),
    citizenship          TEXT NOT NULL,
    iin                  TEXT NOT NULL DEFAULT '',
    passport             TEXT NOT NULL DEFAULT '',
    surname              TEXT NOT NULL,
    given_name           TEXT NOT NULL,
    patronymic           TEXT NOT NULL DEFAULT '',
    phone                TEXT NOT NULL,
    email                TEXT NOT NULL DEFAULT '',
    on_behalf_of         TEXT NOT NULL DEFAULT '',
    substance            TEXT NOT NULL,
    answers              TEXT NOT NULL,
    verdict              TEXT NOT NULL,
    -- SHA-256 of rules::booking::Person::key(): "one active booking per person and official".
    person_hash          TEXT NOT NULL,
    -- Only hashes of the secrets: the manage token and the Idempotency-Key.
    manage_token_hash    TEXT NOT NULL,
    idempotency_key_hash TEXT NOT NULL UNIQUE,
    request_hash         TEXT NOT NULL,
    -- The manage token XOR a key derived from the Idempotency-Key and the body, so that a
    -- replay can answer with the same token while D1 alone cannot recover it.
    token_seal           TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    cancelled_at         TEXT
);
CREATE INDEX bookings_person ON bookings (official_id, person_hash);
CREATE INDEX bookings_reception ON bookings (reception_id);

CREATE TRIGGER bookings_take_place BEFORE INSERT ON bookings
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

-- Requests per client address (hashed) and minute, for 429 on abuse.
CREATE TABLE rate_limits (
    client  TEXT NOT NULL,
    minute  INTEGER NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (client, minute)
) WITHOUT ROWID;
