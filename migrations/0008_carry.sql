-- Each petition waiting for its review (received, or classified and not yet complete)
-- keeps what it adds to 02/XLD column 1 of any period that begins after it last changed:
-- `carry_since` is the last day it changed (its receipt, or its latest move), and
-- `carry_units` how many contents it is counted by there (NULL: it would not be carried
-- over, being of HĐND reception, a duplicate, or its review complete; 0: each report reads
-- it in full instead, as a petition of several contents whose contents were never
-- recorded, which the report names).
-- A report then counts the waiting petitions not moved since before its period from this
-- index instead of reading each with its moves (src/store/facts.rs). Computed by the one
-- write path with the next due day (0007), from the same stale mark; marking a petition
-- stale empties `carry_units`, so the index holds only petitions computed since their
-- last change. Rules and settings as in `due_basis`.
ALTER TABLE petitions ADD COLUMN carry_since TEXT;
ALTER TABLE petitions ADD COLUMN carry_units INTEGER
    CHECK (carry_units IS NULL OR carry_units >= 0);

CREATE INDEX petitions_carry ON petitions(carry_since, carry_units)
    WHERE carry_units IS NOT NULL;

-- Every open petition computed again (its carry too) before this upgrade commits.
UPDATE petitions SET due_stale = 1
 WHERE state = 'received' OR state = 'classified' OR state = 'accepted' OR state = 'suspended';
