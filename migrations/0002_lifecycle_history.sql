-- Sổ Tiếp Dân, schema 2: the petition lifecycle, the change history (audit), person
-- merges, the administrator's calendar, and search over every record.
-- The Rust hook that runs after this file rebuilds the search indexes (folded text is
-- computed in Rust, see src/text.rs).

-- The change history: one row per change, written by the one write path in the same
-- transaction as the change itself. Old and new values are JSON objects of the fields
-- that changed (the whole record for a creation or a deletion).
CREATE TABLE changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('create','update','delete','move','undo_move','merge','unmerge','import','settings')),
    table_name  TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    note        TEXT,
    -- NULL for a change made in this register; for one brought by an exchange file, the
    -- file it came from ("phường X, xuất lúc …"): shown as such, never acted upon.
    source      TEXT
);
CREATE INDEX changes_record ON changes(table_name, record_id, seq);
-- What the sample loader of this register created, to remove it later.
CREATE INDEX changes_sample ON changes(table_name, record_id)
    WHERE actor = 'sample' AND action = 'create' AND source IS NULL;

-- Persons: a person merged into another keeps its row (so the merge can be undone) and
-- points at the person it was merged into; search shows only the one kept.
ALTER TABLE persons ADD COLUMN merged_into TEXT REFERENCES persons(id);
ALTER TABLE persons ADD COLUMN fts_rowid INTEGER;
CREATE INDEX persons_merged_into ON persons(merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE person_merges (
    id          TEXT PRIMARY KEY,
    kept_id     TEXT NOT NULL REFERENCES persons(id),
    merged_id   TEXT NOT NULL REFERENCES persons(id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    -- JSON: the visit and petition links moved from the merged person to the kept one,
    -- and the links dropped because the kept person was already named there.
    moved       TEXT NOT NULL,
    undone_at   TEXT
);
CREATE INDEX person_merges_merged ON person_merges(merged_id);

-- Petitions: the lifecycle state replaces the open/closed status.
ALTER TABLE petitions ADD COLUMN state TEXT NOT NULL DEFAULT 'received'
    CHECK (state IN ('received','classified','accepted','suspended','resolved','withdrawn',
                     'terminated','declined','guided','transferred','urged','returned','filed'));
ALTER TABLE petitions ADD COLUMN signers TEXT NOT NULL DEFAULT 'one'
    CHECK (signers IN ('one','many','anonymous'));
ALTER TABLE petitions ADD COLUMN outcome TEXT
    CHECK (outcome IN ('right','partly_right','wrong','upheld','annulled','answered'));
ALTER TABLE petitions ADD COLUMN complex INTEGER NOT NULL DEFAULT 0;
ALTER TABLE petitions ADD COLUMN first_round_id TEXT REFERENCES petitions(id);
ALTER TABLE petitions ADD COLUMN duplicate_of TEXT REFERENCES petitions(id);
ALTER TABLE petitions ADD COLUMN fts_rowid INTEGER;

-- What a petition closed under schema 1 became: its recorded handling says how it ended.
UPDATE petitions SET state = CASE
        WHEN status = 'open' THEN 'received'
        WHEN handling = 'accept' THEN 'resolved'
        WHEN handling = 'guide' THEN 'guided'
        WHEN handling = 'transfer' THEN 'transferred'
        WHEN handling = 'urge' THEN 'urged'
        WHEN handling = 'return' THEN 'returned'
        ELSE 'filed'
    END,
    signers = CASE
        WHEN anonymous = 1 THEN 'anonymous'
        WHEN (SELECT count(*) FROM petition_persons pp WHERE pp.petition_id = petitions.id) > 1 THEN 'many'
        ELSE 'one'
    END;
ALTER TABLE petitions DROP COLUMN status;
CREATE INDEX petitions_state ON petitions(state);
CREATE INDEX petitions_duplicate_of ON petitions(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX petition_persons_person ON petition_persons(person_id);

-- Petition events become the lifecycle's moves: what was done, by whom, with which
-- document, and the values it changed (JSON {"before": {...}, "after": {...}}).
ALTER TABLE petition_events RENAME COLUMN from_status TO from_state;
ALTER TABLE petition_events RENAME COLUMN to_status TO to_state;
ALTER TABLE petition_events ADD COLUMN action TEXT NOT NULL DEFAULT 'receive';
ALTER TABLE petition_events ADD COLUMN actor TEXT NOT NULL DEFAULT 'desk';
ALTER TABLE petition_events ADD COLUMN doc_no TEXT;
ALTER TABLE petition_events ADD COLUMN agency TEXT;
ALTER TABLE petition_events ADD COLUMN details TEXT;
-- The order moves were recorded in, per petition (the clock of another PC, in `at`, is
-- not trusted to order them).
ALTER TABLE petition_events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;

-- Schema-1 events: the receipt, closings (named by the petition's handling) and reopenings.
UPDATE petition_events SET
    actor = 'migration',
    action = CASE
        WHEN from_state IS NULL THEN 'receive'
        WHEN to_state = 'closed' THEN
            (SELECT CASE p.handling WHEN 'accept' THEN 'resolve' WHEN 'none' THEN 'file' ELSE p.handling END
               FROM petitions p WHERE p.id = petition_events.petition_id)
        ELSE 'reopen'
    END;
UPDATE petition_events SET
    from_state = CASE
        WHEN from_state IS NULL THEN NULL
        WHEN from_state = 'open' THEN 'received'
        ELSE (SELECT CASE p.handling WHEN 'accept' THEN 'resolved' WHEN 'guide' THEN 'guided'
                       WHEN 'transfer' THEN 'transferred' WHEN 'urge' THEN 'urged'
                       WHEN 'return' THEN 'returned' ELSE 'filed' END
                FROM petitions p WHERE p.id = petition_events.petition_id)
    END,
    to_state = CASE
        WHEN to_state = 'open' THEN 'received'
        ELSE (SELECT CASE p.handling WHEN 'accept' THEN 'resolved' WHEN 'guide' THEN 'guided'
                       WHEN 'transfer' THEN 'transferred' WHEN 'urge' THEN 'urged'
                       WHEN 'return' THEN 'returned' ELSE 'filed' END
                FROM petitions p WHERE p.id = petition_events.petition_id)
    END;
UPDATE petition_events SET seq = (
    SELECT count(*) FROM petition_events e
     WHERE e.petition_id = petition_events.petition_id
       AND (e.on_date < petition_events.on_date
            OR (e.on_date = petition_events.on_date AND e.at < petition_events.at)
            OR (e.on_date = petition_events.on_date AND e.at = petition_events.at AND e.rowid <= petition_events.rowid)));
CREATE INDEX petition_events_order ON petition_events(petition_id, on_date, seq);

-- Visits and cases are found by the search box too.
ALTER TABLE visits ADD COLUMN fts_rowid INTEGER;
ALTER TABLE cases ADD COLUMN fts_rowid INTEGER;

-- Search: persons by name and ID number; petitions, visits and cases by their text.
-- Rebuilt with prefix indexes; rows are addressed by the rowid kept on each record, so
-- an update never scans the index. Filled by the Rust hook.
DROP TABLE persons_fts;
CREATE VIRTUAL TABLE persons_fts USING fts5(
    person_id UNINDEXED,
    name,
    id_number,
    phone,
    address,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE VIRTUAL TABLE records_fts USING fts5(
    kind UNINDEXED,
    record_id UNINDEXED,
    text,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- The administrator's additions to the working-day calendar: listed days (holidays,
-- swapped days off, make-up working Saturdays) and the years declared complete.
CREATE TABLE calendar_days (
    date  TEXT PRIMARY KEY,
    kind  TEXT NOT NULL CHECK (kind IN ('holiday','swap_off','swap_work')),
    name  TEXT NOT NULL
);
CREATE TABLE calendar_years (
    year  INTEGER PRIMARY KEY
);
