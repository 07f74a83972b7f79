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

-- Whose caseload rows changed, in order, kept by triggers: after another
-- worker's write the app re-reads only those people's rows, not all 10k.
-- Ids and a counter only, like the audit's entity_id: a change log, not a
-- record about anyone (so not exported or erased with a person, and with no
-- foreign key: an erased person's id must stay, so the others drop the row).
CREATE TABLE person_touch (
    row_id INTEGER PRIMARY KEY,
    seq       INTEGER NOT NULL
);
CREATE INDEX person_touch_seq ON person_touch (seq);
CREATE TRIGGER person_insert_touched AFTER INSERT ON person BEGIN
    INSERT INTO person_touch (row_id, seq) VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM person_touch))
    ON CONFLICT (row_id) DO UPDATE SET seq = excluded.seq; END;
CREATE TRIGGER person_update_touched AFTER UPDATE ON person BEGIN
    INSERT INTO person_touch (row_id, seq) VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM person_touch))
    ON CONFLICT (row_id) DO UPDATE SET seq = excluded.seq; END;
CREATE TRIGGER person_delete_touched AFTER DELETE ON person BEGIN
    INSERT INTO person_touch (row_id, seq) VALUES (OLD.id, (SELECT coalesce(max(seq), 0) + 1 FROM person_touch))
    ON CONFLICT (row_id) DO UPDATE SET seq = excluded.seq; END;
CREATE TRIGGER reminder_insert_touched AFTER INSERT ON reminder WHEN NEW.person_id IS NOT NULL BEGIN
    INSERT INTO person_touch (row_id, seq) VALUES (NEW.person_id, (SELECT coalesce(max(seq), 0) + 1 FROM person_touch))
    ON CONFLICT (row_id) DO UPDATE SET seq = excluded.seq; END;
CREATE TRIGGER reminder_update_touched AFTER UPDATE ON reminder BEGIN
    INSERT INTO person_touch (row_id, seq)
        SELECT id, (SELECT coalesce(max(seq), 0) FROM person_touch) + row_number() OVER ()
          FROM (SELECT NEW.person_id AS id UNION SELECT OLD.person_id) WHERE id IS NOT NULL
    ON CONFLICT (row_id) DO UPDATE SET seq = excluded.seq; END;
CREATE TRIGGER reminder_delete_touched AFTER DELETE ON reminder WHEN OLD.person_id IS NOT NULL BEGIN
    INSERT INTO person_touch (row_id, seq) VALUES (OLD.person_id, (SELECT coalesce(max(seq), 0) + 1 FROM person_touch))
    ON CONFLICT (row_id) DO UPDATE SET seq = excluded.seq; END;
CREATE TRIGGER goal_insert_touched AFTER INSERT ON goal BEGIN
    INSERT INTO person_touch (row_id, seq) VALUES (NEW.person_id, (SELECT coalesce(max(seq), 0) + 1 FROM person_touch))
    ON CONFLICT (row_id) DO UPDATE SET seq = excluded.seq; END;
CREATE TRIGGER goal_update_touched AFTER UPDATE ON goal BEGIN
    INSERT INTO person_touch (row_id, seq) VALUES (NEW.person_id, (SELECT coalesce(max(seq), 0) + 1 FROM person_touch))
    ON CONFLICT (row_id) DO UPDATE SET seq = excluded.seq; END;
CREATE TRIGGER goal_delete_touched AFTER DELETE ON goal BEGIN
    INSERT INTO person_touch (row_id, seq) VALUES (OLD.person_id, (SELECT coalesce(max(seq), 0) + 1 FROM person_touch))
    ON CONFLICT (row_id) DO UPDATE SET seq = excluded.seq; END;
