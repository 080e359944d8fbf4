-- What came of a reception (R12, R39-6, R39-8, R40, R41) and the written appeals kept on
-- control (R42, R44).

-- One outcome per reception: a ticket of a day's queue, or a booking.
CREATE TABLE reception_outcomes (
    id                      TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 19 AND id GLOB 'oc_*'),
    office_id               TEXT NOT NULL REFERENCES offices (id),
    ticket_day              TEXT,
    ticket_number           INTEGER,
    booking_code            TEXT REFERENCES bookings (code),
    kind                    TEXT NOT NULL CHECK (kind IN ('written_appeal_registered',
                            'oral_answered', 'consultation', 'referred', 'did_not_attend')),
    -- R40: the number in the external system, and the mark "from personal reception".
    registration_number     TEXT CHECK (registration_number IS NULL
                                        OR length(registration_number) BETWEEN 1 AND 64),
    from_personal_reception INTEGER NOT NULL DEFAULT 0 CHECK (from_personal_reception IN (0, 1)),
    -- R39-6: the person consented to an oral answer.
    consent                 INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
    -- R39-8: the booking made with another official.
    referral_code           TEXT REFERENCES bookings (code),
    -- R41: the applicant asked to take part in the consideration.
    takes_part              INTEGER NOT NULL DEFAULT 0 CHECK (takes_part IN (0, 1)),
    -- R12: free text; cleared with the booking's personal data (retention.rs).
    notes                   TEXT CHECK (notes IS NULL OR length(notes) <= 2000),
    recorded_by             TEXT NOT NULL REFERENCES staff_accounts (id),
    recorded_at             TEXT NOT NULL,
    CHECK ((ticket_number IS NULL) = (ticket_day IS NULL)),
    CHECK ((ticket_number IS NULL) <> (booking_code IS NULL)),
    CHECK (kind <> 'written_appeal_registered'
           OR (registration_number IS NOT NULL AND from_personal_reception = 1)),
    CHECK (kind <> 'oral_answered' OR consent = 1),
    CHECK ((kind = 'referred') = (referral_code IS NOT NULL)),
    UNIQUE (office_id, ticket_day, ticket_number),
    UNIQUE (booking_code)
);

-- An outcome is the record of what was done: never changed, never deleted, but for its
-- notes, which retention clears.
CREATE TRIGGER reception_outcomes_kept BEFORE UPDATE ON reception_outcomes
WHEN NEW.id <> OLD.id OR NEW.kind <> OLD.kind OR NEW.office_id <> OLD.office_id
  OR NEW.registration_number IS NOT OLD.registration_number
  OR NEW.booking_code IS NOT OLD.booking_code OR NEW.ticket_number IS NOT OLD.ticket_number
  OR NEW.notes IS NOT NULL AND NEW.notes IS NOT OLD.notes
BEGIN
    SELECT RAISE(ABORT, 'reception_outcomes are kept');
END;

CREATE TRIGGER reception_outcomes_no_delete BEFORE DELETE ON reception_outcomes
BEGIN
    SELECT RAISE(ABORT, 'reception_outcomes are kept');
END;

-- R44: a registered written appeal on control until its final answer.
CREATE TABLE appeals_on_control (
    id                     TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 19 AND id GLOB 'ap_*'),
    office_id              TEXT NOT NULL REFERENCES offices (id),
    outcome_id             TEXT NOT NULL UNIQUE REFERENCES reception_outcomes (id),
    registration_number    TEXT NOT NULL,
    registered_on          TEXT NOT NULL CHECK (length(registered_on) = 10),
    due                    TEXT NOT NULL CHECK (length(due) = 10 AND due >= registered_on),
    due_reason             TEXT CHECK (due_reason IS NULL OR length(due_reason) <= 500),
    -- R42: the first appeal of the same person on the same matter (itself if none).
    thread                 TEXT NOT NULL,
    assigned_to            TEXT REFERENCES staff_accounts (id),
    takes_part             INTEGER NOT NULL DEFAULT 0 CHECK (takes_part IN (0, 1)),
    answer_reference       TEXT,
    answer_date            TEXT,
    notified_by            TEXT CHECK (notified_by IS NULL
                                       OR notified_by IN ('in_person', 'registered_letter', 'other')),
    notification_reference TEXT,
    -- R42: who is recorded as having decided it.
    decided_by             TEXT REFERENCES staff_accounts (id),
    closed_by              TEXT REFERENCES staff_accounts (id),
    closed_at              TEXT,
    -- R44: off control only with the final answer, and R42's notification.
    CHECK ((closed_at IS NULL) = (answer_reference IS NULL)
           AND (closed_at IS NULL) = (answer_date IS NULL)
           AND (closed_at IS NULL) = (notified_by IS NULL)
           AND (closed_at IS NULL) = (notification_reference IS NULL)
           AND (closed_at IS NULL) = (decided_by IS NULL)
           AND (closed_at IS NULL) = (closed_by IS NULL))
);

CREATE INDEX appeals_on_control_open ON appeals_on_control (office_id, due) WHERE closed_at IS NULL;
CREATE INDEX appeals_on_control_thread ON appeals_on_control (thread);

-- Once taken off control an appeal stays as it was closed.
CREATE TRIGGER appeals_on_control_closed BEFORE UPDATE ON appeals_on_control
WHEN OLD.closed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'appeals_on_control: taken off control');
END;

CREATE TRIGGER appeals_on_control_no_delete BEFORE DELETE ON appeals_on_control
BEGIN
    SELECT RAISE(ABORT, 'appeals_on_control are kept');
END;
