-- The electronic queue of the daily reception (R39-3, R4, R8, R9): one row per ticket,
-- numbered 1, 2, 3, … per office and day without gaps. No personal data: the person is
-- known by the ticket's number and a token (only its SHA-256 is kept).
CREATE TABLE queue_tickets (
    office_id         TEXT NOT NULL REFERENCES offices (id),
    -- The reception day, YYYY-MM-DD in Kazakhstan time.
    day               TEXT NOT NULL CHECK (length(day) = 10),
    number            INTEGER NOT NULL CHECK (number >= 1),
    -- RFC 3339 to the second at +05:00, fixed width: sorts as text, and never earlier than
    -- the ticket before it (the insert takes the later of the two), so arrival order and
    -- number order agree.
    issued_at         TEXT NOT NULL CHECK (length(issued_at) = 25),
    language          TEXT NOT NULL CHECK (language IN ('kk', 'ru')),
    out_of_town       INTEGER NOT NULL CHECK (out_of_town IN (0, 1)),
    -- R9: the claimed category, NULL without one or once staff rejected it.
    priority_category TEXT,
    priority_verified INTEGER NOT NULL DEFAULT 0 CHECK (priority_verified IN (0, 1)),
    status            TEXT NOT NULL DEFAULT 'waiting'
                      CHECK (status IN ('waiting', 'called', 'absent', 'finished')),
    room              TEXT CHECK (room IS NULL OR length(room) BETWEEN 1 AND 32),
    called_at         TEXT,
    calls             INTEGER NOT NULL DEFAULT 0,
    token_hash        TEXT NOT NULL CHECK (length(token_hash) = 64),
    CHECK (priority_verified = 0 OR priority_category IS NOT NULL),
    PRIMARY KEY (office_id, day, number)
) WITHOUT ROWID;

CREATE INDEX queue_tickets_status ON queue_tickets (office_id, day, status);

-- Numbers follow one another without gaps: the insert computes MAX + 1 in its own
-- statement (D1 runs statements one at a time), and this refuses anything else.
CREATE TRIGGER queue_tickets_gapless BEFORE INSERT ON queue_tickets
WHEN NEW.number <> COALESCE((SELECT MAX(number) FROM queue_tickets
                             WHERE office_id = NEW.office_id AND day = NEW.day), 0) + 1
BEGIN
    SELECT RAISE(ABORT, 'queue_tickets: number must follow the last');
END;

-- A ticket stays (the day's record, R39-5's audit rows name it by number).
CREATE TRIGGER queue_tickets_no_delete BEFORE DELETE ON queue_tickets
BEGIN
    SELECT RAISE(ABORT, 'queue_tickets are kept');
END;

-- The ticket's life: waiting → called (→ called again) → absent | finished. A claim is
-- verified or rejected only while the ticket waits. A writer that read a stale state fails
-- here instead of calling a ticket twice.
CREATE TRIGGER queue_tickets_transitions BEFORE UPDATE ON queue_tickets
WHEN NOT (
    (OLD.status = 'waiting' AND NEW.status IN ('waiting', 'called'))
    OR (OLD.status = 'called' AND NEW.status IN ('called', 'absent', 'finished'))
) OR (NEW.status = 'called' AND NEW.calls <= OLD.calls)
  OR (OLD.status <> 'waiting' AND (NEW.priority_category IS NOT OLD.priority_category
                                   OR NEW.priority_verified <> OLD.priority_verified))
  OR NEW.number <> OLD.number OR NEW.office_id <> OLD.office_id OR NEW.day <> OLD.day
  OR NEW.issued_at <> OLD.issued_at OR NEW.token_hash <> OLD.token_hash
BEGIN
    SELECT RAISE(ABORT, 'queue_tickets: not a transition of the ticket');
END;
