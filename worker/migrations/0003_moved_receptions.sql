-- Single receptions held on another day (issue 5: "a single date cancelled or moved"), in
-- the import's format `FROM>TO;…`; empty = none.
ALTER TABLE schedules ADD COLUMN moved TEXT NOT NULL DEFAULT '';
