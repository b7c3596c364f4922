-- Per-day counters of the dashboard's 12-week chart (issue 9): for each day, the visits
-- of its sessions (every visit, HĐND reception's included), the people they brought, the
-- visits counted under the chairman (01/TCD: the chairman's sessions, and regular visits
-- the chairman joined), and the UBND's petitions received that day. A petition whose
-- record or moves ever named a duplicate is not in `petitions`: whether it counts in a
-- week depends on that week's last day, so `petitions_read` says how many of them the
-- chart reads in full for that day (src/store/days.rs).
--
-- Kept by the one write path: the triggers below only note which days a write touched
-- (`day_counts_stale`); before the write commits, those days are counted again from the
-- rows (`days::refresh_days`), so a day's counters are always a recount, never a sum of
-- increments. A build whose counting differs (the rules' fingerprint, `due_basis`)
-- counts every day again at its first write; until then the chart counts from the rows.
CREATE TABLE day_counts (
    day             TEXT PRIMARY KEY,
    visits          INTEGER NOT NULL CHECK (visits >= 0),
    people          INTEGER NOT NULL CHECK (people >= 0),
    chairman_visits INTEGER NOT NULL CHECK (chairman_visits >= 0),
    petitions       INTEGER NOT NULL CHECK (petitions >= 0),
    petitions_read  INTEGER NOT NULL CHECK (petitions_read >= 0)
) WITHOUT ROWID;

CREATE TABLE day_counts_stale (day TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER day_counts_session_insert AFTER INSERT ON sessions BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day) VALUES (new.date);
END;
CREATE TRIGGER day_counts_session_delete AFTER DELETE ON sessions BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day) VALUES (old.date);
END;
-- A session's host group decides its visits' block and whether the petitions handed in
-- at them are the UBND's.
CREATE TRIGGER day_counts_session_update AFTER UPDATE OF date, host_group ON sessions BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day) VALUES (old.date), (new.date);
    INSERT OR IGNORE INTO day_counts_stale (day)
        SELECT p.received_on FROM visits v JOIN petitions p ON p.visit_id = v.id
         WHERE v.session_id = new.id;
END;

CREATE TRIGGER day_counts_visit_insert AFTER INSERT ON visits BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day)
        SELECT date FROM sessions WHERE id = new.session_id;
END;
CREATE TRIGGER day_counts_visit_delete AFTER DELETE ON visits BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day)
        SELECT date FROM sessions WHERE id = old.session_id;
END;
CREATE TRIGGER day_counts_visit_update
    AFTER UPDATE OF session_id, headcount, chairman_joined ON visits BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day)
        SELECT date FROM sessions WHERE id = old.session_id OR id = new.session_id;
END;

CREATE TRIGGER day_counts_petition_insert AFTER INSERT ON petitions BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day) VALUES (new.received_on);
END;
CREATE TRIGGER day_counts_petition_delete AFTER DELETE ON petitions BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day) VALUES (old.received_on);
END;
CREATE TRIGGER day_counts_petition_update
    AFTER UPDATE OF received_on, duplicate_of, visit_id ON petitions
    WHEN old.received_on IS NOT new.received_on OR old.duplicate_of IS NOT new.duplicate_of
      OR old.visit_id IS NOT new.visit_id BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day) VALUES (old.received_on), (new.received_on);
END;

-- A move that names a duplicate changes which of the day's petitions are read in full.
CREATE TRIGGER day_counts_move_insert AFTER INSERT ON petition_events
    WHEN new.action = 'duplicate' OR instr(new.details, 'duplicate_of') > 0 BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day)
        SELECT received_on FROM petitions WHERE id = new.petition_id;
END;
CREATE TRIGGER day_counts_move_delete AFTER DELETE ON petition_events
    WHEN old.action = 'duplicate' OR instr(old.details, 'duplicate_of') > 0 BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day)
        SELECT received_on FROM petitions WHERE id = old.petition_id;
END;
CREATE TRIGGER day_counts_move_update AFTER UPDATE ON petition_events BEGIN
    INSERT OR IGNORE INTO day_counts_stale (day)
        SELECT received_on FROM petitions WHERE id = old.petition_id OR id = new.petition_id;
END;

-- Every day counted before this upgrade commits.
INSERT OR IGNORE INTO day_counts_stale (day) SELECT date FROM sessions;
INSERT OR IGNORE INTO day_counts_stale (day) SELECT received_on FROM petitions;
