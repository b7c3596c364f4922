-- Schema 14.
-- `petition_events_petition (petition_id)` is the first column of `petition_events_order
-- (petition_id, on_date, seq)` (0002): every lookup of a petition's moves, the foreign
-- key's included, can go through the second. The first only cost a B-tree insert for
-- every move written and about 2% of a big register's pages (4,659 of 204,000 pages at
-- 200,000 persons). IF EXISTS: a register without it (a test sets a register back to an
-- earlier schema number after this step ran) upgrades the same.
DROP INDEX IF EXISTS petition_events_petition;
