-- Schema v5: an audit row about something with no numeric id (a setting) names
-- it by its key, e.g. `show_gone_quiet`. Keys are fixed names, never personal data.
ALTER TABLE audit ADD COLUMN entity_key TEXT;
