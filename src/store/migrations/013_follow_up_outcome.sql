-- Schema 13: what happened when a follow-up was done ("spoke on the phone,
-- going to the lunch club Tuesday"; issue 24). Optional; NULL when none was
-- given. The table keeps its first name, `reminder`; a reopened follow-up
-- loses its outcome with its done time.
ALTER TABLE reminder ADD COLUMN outcome TEXT;
