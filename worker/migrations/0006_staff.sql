-- The staff side: accounts with two factors, their sessions, failed sign-ins, and the
-- audit trail of every staff action and read of personal data (R39-5).

-- A member of staff of one office (R3.a, R15, R30, R39). The password is an Argon2id PHC
-- string; the TOTP secret is sealed (AES-256-GCM) with the Worker secret STAFF_SEALING_KEY,
-- never stored in clear.
CREATE TABLE staff_accounts (
    id                  TEXT PRIMARY KEY NOT NULL
                        CHECK (length(id) = 19 AND id GLOB 'st_[0-9a-f]*'
                               AND substr(id, 4) NOT GLOB '*[^0-9a-f]*'),
    -- An email address, stored lower-case: one account per address.
    login               TEXT NOT NULL UNIQUE
                        CHECK (length(login) BETWEEN 3 AND 254 AND login = lower(login)
                               AND login GLOB '?*@?*'),
    name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    office_id           TEXT NOT NULL REFERENCES offices (id),
    status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    password_hash       TEXT NOT NULL CHECK (password_hash GLOB '$argon2id$*'),
    totp_secret_sealed  TEXT NOT NULL CHECK (totp_secret_sealed <> ''),
    -- Set by the first sign-in with a code: until then the account may ask for its secret.
    totp_enrolled_at    TEXT,
    -- A code is accepted once: the last accepted 30-second step; codes of steps up to it
    -- are refused.
    totp_last_step      INTEGER,
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);

CREATE INDEX staff_accounts_office ON staff_accounts (office_id, login);

-- One row per role held (a person may hold several).
CREATE TABLE staff_roles (
    account_id TEXT NOT NULL REFERENCES staff_accounts (id),
    role       TEXT NOT NULL
               CHECK (role IN ('admin', 'registrar', 'receiver', 'official', 'auditor')),
    PRIMARY KEY (account_id, role)
) WITHOUT ROWID;

-- A signed-in session: only the SHA-256 of its 256-bit id is stored. Times are unix seconds.
-- Idle timeout 30 minutes (last_seen_at), absolute 12 hours (expires_at).
CREATE TABLE staff_sessions (
    id_hash      TEXT PRIMARY KEY NOT NULL CHECK (length(id_hash) = 64),
    account_id   TEXT NOT NULL REFERENCES staff_accounts (id),
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL CHECK (expires_at > created_at)
) WITHOUT ROWID;

CREATE INDEX staff_sessions_account ON staff_sessions (account_id);

-- Failed sign-ins, counted per login and per client address (both as hashes) over the
-- lockout window; rows older than the window are cleared by the cron.
CREATE TABLE staff_sign_in_failures (
    subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 100),
    at      INTEGER NOT NULL
);

CREATE INDEX staff_sign_in_failures_subject ON staff_sign_in_failures (subject, at);

-- The audit trail (R39-5): append-only, gapless, hash-chained. prev_hash is the SHA-256 of
-- the previous row as `access::audit` serialises it (64 zeros for the first row);
-- `cargo xtask audit-verify` recomputes the chain. No personal data: objects by id only.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 1),
    at         TEXT NOT NULL,
    actor_id   TEXT,
    actor_name TEXT,
    office_id  TEXT,
    action     TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    object     TEXT CHECK (object IS NULL OR length(object) <= 200),
    prev_hash  TEXT NOT NULL CHECK (length(prev_hash) = 64)
);

CREATE INDEX audit_log_office ON audit_log (office_id, seq);

-- Rows follow one another without gaps: a writer that read a stale last row fails (and
-- retries) instead of forking the chain.
CREATE TRIGGER audit_log_gapless BEFORE INSERT ON audit_log
WHEN NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_log), 0) + 1
BEGIN
    SELECT RAISE(ABORT, 'audit_log: seq must follow the last row');
END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only (R39-5)');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only (R39-5)');
END;
