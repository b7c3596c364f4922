-- Each open petition keeps its earliest deadline not yet met and whether one of its
-- unmet deadlines cannot be computed (a year the working-day calendar does not hold),
-- both counted over every move recorded: the dashboard's queue ranks the open petitions
-- from these two columns instead of computing every deadline (src/store/due.rs).
-- `due_stale` = 1: the two are not (or no longer) those of the petition's record and
-- moves; the one write path computes them again before it commits, and a reader computes
-- a stale petition's own. A new petition is stale; the store's functions that change a
-- petition or its moves make it stale (src/store/records.rs; not SQL triggers: a trigger
-- makes SQLite open a savepoint for each statement, and the search index then writes its
-- pending entries to disk at every one). `due_basis` holds what the two were computed with
-- (deadline settings, calendar, the rules' code): when that differs, every open petition is
-- computed again.
ALTER TABLE petitions ADD COLUMN due_next TEXT;
ALTER TABLE petitions ADD COLUMN due_unknown INTEGER NOT NULL DEFAULT 0
    CHECK (due_unknown = 0 OR due_unknown = 1);
ALTER TABLE petitions ADD COLUMN due_stale INTEGER NOT NULL DEFAULT 1
    CHECK (due_stale = 0 OR due_stale = 1);

-- The open petitions still to compute (the expression as the queries write it).
CREATE INDEX petitions_due_stale ON petitions(id)
    WHERE due_stale = 1
      AND (state = 'received' OR state = 'classified' OR state = 'accepted' OR state = 'suspended');

CREATE TABLE due_basis (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL
);
