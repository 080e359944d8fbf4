-- The directory of prosecutor's offices (R2): GPO → regional → district, plus specialised
-- offices equated to a level. Ids are stable slugs, never row numbers.
CREATE TABLE offices (
    id             TEXT PRIMARY KEY NOT NULL
                   CHECK (length(id) BETWEEN 1 AND 80 AND id NOT GLOB '*[^a-z0-9-]*'),
    level          TEXT NOT NULL CHECK (level IN ('general', 'regional', 'district')),
    parent_id      TEXT REFERENCES offices (id),
    region_id      TEXT REFERENCES offices (id),
    specialisation TEXT CHECK (specialisation IN
                   ('military', 'transport', 'environmental', 'penitentiary', 'other')),
    name_kk        TEXT NOT NULL CHECK (name_kk <> ''),
    name_ru        TEXT NOT NULL CHECK (name_ru <> ''),
    name_en        TEXT NOT NULL CHECK (name_en <> ''),
    -- Stay NULL until an office supplies real values; never invented.
    address_kk     TEXT,
    address_ru     TEXT,
    address_en     TEXT,
    phone          TEXT,
    -- The order of data/offices.json, so the published snapshot is the same bytes (and
    -- ETag) whether the seed step or the Worker builds it.
    sort_order     INTEGER NOT NULL
);

CREATE INDEX offices_parent ON offices (parent_id, sort_order);
