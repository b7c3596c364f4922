-- The open petitions with what the dashboard's queue ranks them by (src/store/due.rs,
-- `due_fast`): read from this index alone, not from each petition's row.
-- (IF NOT EXISTS: builds of 2/12/2026 between 9d32603 and b741c08 created it in 0008.)
CREATE INDEX IF NOT EXISTS petitions_open
    ON petitions(due_next, id, state, received_on, year, number, due_unknown, due_stale)
    WHERE (state = 'received' OR state = 'classified' OR state = 'accepted' OR state = 'suspended');
