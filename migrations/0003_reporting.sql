-- Sổ Tiếp Dân, schema 3: counting by the letter of TT 06/2025/TT-TTCP, petition numbers
-- per unit, locked reporting periods and the figures the statutory tables take by hand.
-- Runs with foreign keys off (the petitions table is rebuilt); `store::migrate` checks
-- every foreign key before the transaction commits.

-- A delegation (đoàn đông người) is any visit of 5 or more people (01/TCD note): derived
-- from the headcount when counted, never a typed flag, never a setting.
ALTER TABLE visits DROP COLUMN delegation;
DELETE FROM settings WHERE key = 'delegation_threshold';

-- The head receives on scheduled or ad hoc days (Luật Tiếp công dân Đ12, Đ18); "regular"
-- reception is the officers'. A chairman's or deputy's session recorded as regular is
-- the head's scheduled reception; the change is kept in the history.
INSERT INTO changes (id, at, actor, action, table_name, record_id, old_value, new_value, note)
SELECT 'mig3-' || lower(hex(randomblob(12))), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migration',
       'update', 'sessions', id, json_object('kind', 'regular'), json_object('kind', 'scheduled'),
       'Buổi tiếp của Chủ tịch, cấp phó là tiếp định kỳ hoặc đột xuất'
  FROM sessions WHERE kind = 'regular' AND host_group IN ('chairman', 'deputy');
UPDATE sessions SET kind = 'scheduled' WHERE kind = 'regular' AND host_group IN ('chairman', 'deputy');

-- The units that number petitions: this register's own (its id in settings) and those of
-- the exchange files combined into it. A petition's number is unique per unit and year.
CREATE TABLE units (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL
);
INSERT INTO units (id, name)
VALUES ('u-' || lower(hex(randomblob(16))),
        coalesce((SELECT value FROM settings WHERE key = 'unit_name'), ''));
INSERT INTO settings (key, value) SELECT 'unit_id', id FROM units;

CREATE TABLE petitions_new (
    id                 TEXT PRIMARY KEY,
    unit_id            TEXT NOT NULL REFERENCES units(id),
    year               INTEGER NOT NULL,
    number             INTEGER NOT NULL,
    received_on        TEXT NOT NULL,
    source             TEXT NOT NULL CHECK (source IN ('visit','post','online','transfer')),
    source_agency      TEXT,
    visit_id           TEXT UNIQUE REFERENCES visits(id),
    kind               TEXT NOT NULL CHECK (kind IN ('complaint','denunciation','proposal','mixed')),
    -- For a petition with several kinds of content (kind 'mixed'): the kinds it carries,
    -- comma-separated ('complaint,proposal'); 02/XLD classifies it by each of them.
    contents           TEXT,
    field_code         TEXT REFERENCES fields(code),
    content            TEXT NOT NULL,
    anonymous          INTEGER NOT NULL DEFAULT 0,
    respondent         TEXT,
    handling           TEXT NOT NULL CHECK (handling IN ('accept','guide','transfer','urge','return','file','none')),
    handling_agency    TEXT,
    handling_letter_no TEXT,
    round              TEXT NOT NULL DEFAULT 'first' CHECK (round IN ('first','subsequent')),
    competence         TEXT NOT NULL DEFAULT 'undetermined' CHECK (competence IN ('undetermined','within','outside')),
    eligible           INTEGER,
    case_id            TEXT NOT NULL REFERENCES cases(id),
    created_at         TEXT NOT NULL,
    state              TEXT NOT NULL DEFAULT 'received'
        CHECK (state IN ('received','classified','accepted','suspended','resolved','withdrawn',
                         'terminated','declined','guided','transferred','urged','returned','filed')),
    signers            TEXT NOT NULL DEFAULT 'one' CHECK (signers IN ('one','many','anonymous')),
    outcome            TEXT CHECK (outcome IN ('right','partly_right','wrong','upheld','annulled','answered')),
    complex            INTEGER NOT NULL DEFAULT 0,
    first_round_id     TEXT REFERENCES petitions(id),
    duplicate_of       TEXT REFERENCES petitions(id),
    fts_rowid          INTEGER,
    UNIQUE (unit_id, year, number),
    CHECK (source <> 'visit' OR visit_id IS NOT NULL)
);
INSERT INTO petitions_new (id, unit_id, year, number, received_on, source, source_agency, visit_id,
        kind, contents, field_code, content, anonymous, respondent, handling, handling_agency,
        handling_letter_no, round, competence, eligible, case_id, created_at, state, signers,
        outcome, complex, first_round_id, duplicate_of, fts_rowid)
SELECT id, (SELECT value FROM settings WHERE key = 'unit_id'), year, number, received_on, source,
       source_agency, visit_id, kind, NULL, field_code, content, anonymous, respondent, handling,
       handling_agency, handling_letter_no, round, competence, eligible, case_id, created_at,
       state, signers, outcome, complex, first_round_id, duplicate_of, fts_rowid
  FROM petitions;
DROP TABLE petitions;
ALTER TABLE petitions_new RENAME TO petitions;
CREATE INDEX petitions_received ON petitions(received_on);
CREATE INDEX petitions_case ON petitions(case_id);
CREATE INDEX petitions_state ON petitions(state);
CREATE INDEX petitions_duplicate_of ON petitions(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE petition_numbers_new (
    unit_id TEXT NOT NULL REFERENCES units(id),
    year    INTEGER NOT NULL,
    last    INTEGER NOT NULL,
    PRIMARY KEY (unit_id, year)
);
INSERT INTO petition_numbers_new (unit_id, year, last)
SELECT (SELECT value FROM settings WHERE key = 'unit_id'), year, last FROM petition_numbers;
DROP TABLE petition_numbers;
ALTER TABLE petition_numbers_new RENAME TO petition_numbers;

-- Locked reporting periods: when the report is sent, the chairman's office locks its
-- period; the figures as sent are kept, and a later change of a record dated inside it is
-- an adjustment the next report shows ("điều chỉnh số liệu kỳ trước").
CREATE TABLE period_locks (
    id          TEXT PRIMARY KEY,
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL,
    -- "Quý IV năm 2026", or the range for another period.
    label       TEXT NOT NULL,
    report_no   TEXT,
    locked_at   TEXT NOT NULL,
    actor       TEXT NOT NULL,
    -- JSON: the tables' figures as reported.
    figures     TEXT NOT NULL,
    UNIQUE (from_date, to_date)
);
CREATE TABLE adjustments (
    change_seq  INTEGER NOT NULL REFERENCES changes(seq),
    lock_id     TEXT NOT NULL REFERENCES period_locks(id),
    -- The date inside the locked period that the change touched.
    on_date     TEXT NOT NULL,
    -- The (local) day the change was made: the report of the period holding it shows it.
    made_on     TEXT NOT NULL,
    PRIMARY KEY (change_seq, lock_id)
);
CREATE INDEX adjustments_lock ON adjustments(lock_id);

-- The figures of the statutory tables that the register does not hold (recoveries,
-- enforcement, state management…), typed per period by the report writer.
CREATE TABLE manual_figures (
    form        TEXT NOT NULL,
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL,
    column_no   INTEGER NOT NULL,
    value       REAL NOT NULL,
    PRIMARY KEY (form, from_date, to_date, column_no)
);

-- The history as a chain: each change carries the hash of its content and of the change
-- before it (filled in Rust, for the rows a register already has too), so an edited or
-- deleted row is found by `tiepdan audit verify`. Triggers (made with the chain) refuse
-- UPDATE and DELETE of the history.
ALTER TABLE changes ADD COLUMN hash TEXT;
-- The chain's head (its last row and hash), kept apart: rows deleted from the end of the
-- history are found too.
CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL
);
