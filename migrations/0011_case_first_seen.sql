-- Each case's first reception day (issue 9): the earliest day it was received, at a visit
-- (its session's date, HĐND reception's included) or by a petition not handed in at one.
-- 01/TCD counts a case of a period "lần đầu" or "nhiều lần" by whether it was received
-- before the period: with the day kept, a report reads it beside the period's visits
-- instead of searching every case's earlier visits and petitions (a year at 200,000
-- persons: 17,000 cases, each through three indexes).
--
-- Kept as the days' counters are (0010): the triggers below only note which cases a write
-- touched (`case_first_stale`); before the write commits, those cases' days are computed
-- again from the rows (`days::refresh_cases`), so the kept day is always a recount. NULL:
-- a case no visit or petition names.
ALTER TABLE cases ADD COLUMN first_seen TEXT;

-- Read beside each visit of a period from the index alone (the cases' rows, with their
-- summaries, spread over many more pages).
CREATE INDEX cases_first_seen ON cases(id, first_seen);

CREATE TABLE case_first_stale (case_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER case_first_visit_insert AFTER INSERT ON visits BEGIN
    INSERT OR IGNORE INTO case_first_stale (case_id) VALUES (new.case_id);
END;
CREATE TRIGGER case_first_visit_delete AFTER DELETE ON visits BEGIN
    INSERT OR IGNORE INTO case_first_stale (case_id) VALUES (old.case_id);
END;
CREATE TRIGGER case_first_visit_update AFTER UPDATE OF case_id, session_id ON visits BEGIN
    INSERT OR IGNORE INTO case_first_stale (case_id) VALUES (old.case_id), (new.case_id);
END;
-- A session's date is its visits' reception day.
CREATE TRIGGER case_first_session_update AFTER UPDATE OF date ON sessions
    WHEN old.date IS NOT new.date BEGIN
    INSERT OR IGNORE INTO case_first_stale (case_id)
        SELECT case_id FROM visits WHERE session_id = new.id;
END;

CREATE TRIGGER case_first_petition_insert AFTER INSERT ON petitions BEGIN
    INSERT OR IGNORE INTO case_first_stale (case_id) VALUES (new.case_id);
END;
CREATE TRIGGER case_first_petition_delete AFTER DELETE ON petitions BEGIN
    INSERT OR IGNORE INTO case_first_stale (case_id) VALUES (old.case_id);
END;
CREATE TRIGGER case_first_petition_update AFTER UPDATE OF case_id, visit_id, received_on ON petitions
    WHEN old.case_id IS NOT new.case_id OR old.visit_id IS NOT new.visit_id
      OR old.received_on IS NOT new.received_on BEGIN
    INSERT OR IGNORE INTO case_first_stale (case_id) VALUES (old.case_id), (new.case_id);
END;

-- Every case computed before this upgrade commits.
INSERT OR IGNORE INTO case_first_stale (case_id) SELECT id FROM cases;
