-- Reports read a period's petitions through the moves made on or after its first day
-- (a petition open at some time within the period), not by walking every petition.
CREATE INDEX petition_events_on_date ON petition_events(on_date, petition_id);
