-- Schema 11: a team on one file (issue 14). Workers are the people who use
-- caseload (never the people on the caseload): an OS login, a name, a role.
-- A retired worker stays, so old audit rows and handovers still name them.
CREATE TABLE worker (
    id         INTEGER PRIMARY KEY,
    login      TEXT NOT NULL UNIQUE CHECK (length(trim(login)) > 0),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role       TEXT NOT NULL DEFAULT 'link_worker' CHECK (role IN ('link_worker', 'coordinator')),
    retired_on TEXT,
    created_at TEXT NOT NULL
);

-- Whose caseload a person is on: a worker's login, NULL for unassigned (a
-- file with no workers has only unassigned people, as before).
ALTER TABLE person ADD COLUMN assigned_worker TEXT;
CREATE INDEX person_worker ON person (assigned_worker);

-- Each handover: from whom, to whom, the note and the day. Shown in the
-- person's status history; erased and exported with the person.
CREATE TABLE handover (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    from_worker TEXT,
    to_worker   TEXT NOT NULL,
    note        TEXT,
    handed_on   TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX handover_person ON handover (person_id, handed_on);

-- A follow-up's owner (a worker's login, moved on handover) and a version,
-- bumped on every change, so an edit made from a stale copy is refused.
ALTER TABLE reminder ADD COLUMN owner TEXT;
ALTER TABLE reminder ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX reminder_owner ON reminder (owner, done_at);

INSERT INTO change_counter (tbl) VALUES ('worker'), ('handover');
CREATE TRIGGER worker_insert_counted AFTER INSERT ON worker BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'worker'; END;
CREATE TRIGGER worker_update_counted AFTER UPDATE ON worker BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'worker'; END;
CREATE TRIGGER worker_delete_counted AFTER DELETE ON worker BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'worker'; END;
CREATE TRIGGER handover_insert_counted AFTER INSERT ON handover BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'handover'; END;
CREATE TRIGGER handover_update_counted AFTER UPDATE ON handover BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'handover'; END;
CREATE TRIGGER handover_delete_counted AFTER DELETE ON handover BEGIN UPDATE change_counter SET n = n + 1 WHERE tbl = 'handover'; END;
