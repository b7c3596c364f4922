-- Sổ Tiếp Dân, schema 4: accounts and roles (issue 7). A register without any account is
-- open (being set up: the app asks for its administrator at the first start); once one
-- exists every command needs a signed-in account whose roles allow it.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    login         TEXT NOT NULL,
    full_name     TEXT NOT NULL,
    -- Comma-separated role codes: officer, leader, admin, viewer.
    roles         TEXT NOT NULL,
    -- Argon2id, PHC string.
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX users_login ON users(lower(login));

-- The history gains what the audit log needs: sign-ins (and failed ones), reveals of a
-- denunciator, exports and account changes are change records too (the action list is
-- the core's to check, no longer a CHECK here), and each record names the signed-in
-- account. The table is rebuilt with its rows, numbers and hashes unchanged; the Rust
-- hook re-creates the triggers that make it append-only.
CREATE TABLE changes_new (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    table_name  TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    note        TEXT,
    source      TEXT,
    hash        TEXT,
    -- The signed-in account's login (none for the CLI on a register without accounts, an
    -- import's replayed history, or a migration). Part of the chain's hash when present.
    user_login  TEXT
);
INSERT INTO changes_new (seq, id, at, actor, action, table_name, record_id, old_value, new_value, note, source, hash)
    SELECT seq, id, at, actor, action, table_name, record_id, old_value, new_value, note, source, hash FROM changes;
DROP TABLE changes;
ALTER TABLE changes_new RENAME TO changes;
CREATE INDEX changes_record ON changes(table_name, record_id, seq);
CREATE INDEX changes_sample ON changes(table_name, record_id)
    WHERE actor = 'sample' AND action = 'create' AND source IS NULL;
CREATE INDEX changes_action ON changes(action, seq);
