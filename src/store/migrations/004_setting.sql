-- Schema v4: switches for the follow-ups the app offers (issue 6), and a marker
-- so a follow-up about a deleted person or service stays visible as such.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- A random id for this database, so calendar UIDs from two databases never clash.
INSERT INTO setting (key, value) VALUES ('database_id', lower(hex(randomblob(16))));

ALTER TABLE reminder ADD COLUMN subject_deleted INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER reminder_person_deleted BEFORE DELETE ON person
BEGIN
    UPDATE reminder SET subject_deleted = 1 WHERE person_id = OLD.id;
END;

CREATE TRIGGER reminder_service_deleted BEFORE DELETE ON service
BEGIN
    UPDATE reminder SET subject_deleted = 1 WHERE service_id = OLD.id;
END;

CREATE INDEX reminder_done ON reminder (done_at) WHERE done_at IS NOT NULL;
