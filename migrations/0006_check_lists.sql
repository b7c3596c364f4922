-- Schema 6.
-- Every CHECK (column IN ('a', 'b', ...)) of a table is rewritten as
-- CHECK ((column = 'a' OR column = 'b' ...)) by `store::schema::unlist_checks`, run in Rust
-- after this file (the same rule; SQLite builds a temporary b-tree for a list of constants
-- each time it checks a row, the ORs cost nothing like it). Only the schema's text changes.
--
-- "Was this case received before the period" (every case of a period's visits) reads only
-- these indexes, not the rows.
DROP INDEX visits_case;
CREATE INDEX visits_case ON visits(case_id, session_id);
DROP INDEX petitions_case;
CREATE INDEX petitions_case ON petitions(case_id, received_on, visit_id);
CREATE INDEX sessions_id_date ON sessions(id, date);
