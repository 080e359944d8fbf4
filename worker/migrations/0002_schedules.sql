-- Officials, their reception schedules and the dated receptions (R5, R6, R11, R13, R26,
-- R29, R37, R38). Schedule rows keep the columns of the import format (README, "Importing
-- schedules") so the Worker reads them back through the same `rules::schedule` parser that
-- validated them. Empty text means "absent" (the parser's convention), never NULL.
CREATE TABLE officials (
    id             TEXT PRIMARY KEY NOT NULL CHECK (id NOT GLOB '*[^a-z0-9-]*'),
    office_id      TEXT NOT NULL REFERENCES offices (id),
    official_kind  TEXT NOT NULL,
    surname        TEXT NOT NULL,
    given_name     TEXT NOT NULL,
    patronymic     TEXT NOT NULL DEFAULT '',
    position_kk    TEXT NOT NULL,
    position_ru    TEXT NOT NULL,
    position_en    TEXT NOT NULL,
    competence_kk  TEXT NOT NULL DEFAULT '',
    competence_ru  TEXT NOT NULL DEFAULT '',
    competence_en  TEXT NOT NULL DEFAULT '',
    sample         TEXT NOT NULL DEFAULT 'false' CHECK (sample IN ('true', 'false'))
);
CREATE INDEX officials_office ON officials (office_id);

CREATE TABLE schedules (
    id                TEXT PRIMARY KEY NOT NULL CHECK (id NOT GLOB '*[^a-z0-9-]*'),
    official_id       TEXT NOT NULL REFERENCES officials (id),
    office_id         TEXT NOT NULL REFERENCES offices (id),
    recurrence        TEXT NOT NULL,
    start             TEXT NOT NULL,
    "end"             TEXT NOT NULL,
    place             TEXT NOT NULL,
    place_name_kk     TEXT NOT NULL DEFAULT '',
    place_name_ru     TEXT NOT NULL DEFAULT '',
    place_name_en     TEXT NOT NULL DEFAULT '',
    place_address_kk  TEXT NOT NULL DEFAULT '',
    place_address_ru  TEXT NOT NULL DEFAULT '',
    place_address_en  TEXT NOT NULL DEFAULT '',
    format            TEXT NOT NULL,
    capacity          TEXT NOT NULL,
    valid_from        TEXT NOT NULL,
    valid_to          TEXT NOT NULL DEFAULT '',
    cancelled         TEXT NOT NULL DEFAULT '',
    sample            TEXT NOT NULL DEFAULT 'false' CHECK (sample IN ('true', 'false'))
);
CREATE INDEX schedules_office ON schedules (office_id);

-- One row per dated reception that exists (created on demand and by the cron trigger). The
-- place count lives here so that a booking can take a place in one statement:
-- UPDATE ... SET booked = booked + 1 WHERE id = ?1 AND booked < capacity (issue 6).
CREATE TABLE receptions (
    id           TEXT PRIMARY KEY NOT NULL,
    schedule_id  TEXT NOT NULL REFERENCES schedules (id),
    office_id    TEXT NOT NULL REFERENCES offices (id),
    official_id  TEXT NOT NULL REFERENCES officials (id),
    date         TEXT NOT NULL,
    capacity     INTEGER NOT NULL CHECK (capacity > 0),
    booked       INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity)
);
CREATE INDEX receptions_office_date ON receptions (office_id, date);

-- Office-wide settings: the video-only mode with its reason (R11) and the hours of the
-- Citizens' Reception Centre (R39-1, R39-2). No row = in person allowed, no centre published.
CREATE TABLE office_settings (
    office_id          TEXT PRIMARY KEY NOT NULL REFERENCES offices (id),
    video_only_reason_kk TEXT,
    video_only_reason_ru TEXT,
    video_only_reason_en TEXT,
    centre_opens       TEXT,
    centre_closes      TEXT,
    CHECK ((video_only_reason_kk IS NULL) = (video_only_reason_ru IS NULL)
       AND (video_only_reason_ru IS NULL) = (video_only_reason_en IS NULL))
);
