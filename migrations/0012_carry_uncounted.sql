-- The petitions waiting for their review whose carry is kept as 0 (several contents, none
-- recorded: each report reads them in full and names the issue; see 0008). Every period
-- report asks for them among the petitions it reads; through `petitions_carry`
-- (carry_since, carry_units) SQLite walked every carried petition older than the period
-- to find them (0.36 ms of a week's 4.6–5.2 ms at 200,000 persons, for none found). This
-- index holds those alone, so the question costs what it finds.
CREATE INDEX petitions_carry_uncounted ON petitions(carry_since) WHERE carry_units = 0;
