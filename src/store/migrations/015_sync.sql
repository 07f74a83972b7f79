-- Offline copies that sync with the team file (issue 22).
--
-- Every row that travels between copies has a global id, `uid`: a random
-- (version 4) UUID, so rows made offline on two laptops never clash. The
-- short integer ids stay, per file, for people on screen and in the CLI.
-- (service already has its uid, from the directory.)
--
-- `sync_change` is the change log: one row per record, holding the sequence
-- number of its latest change (and `gone` once it is deleted). Triggers keep
-- it, as they keep person_touch; the store stamps each transaction's changes
-- with its moment and actor (`changed_at` is NULL until then), so no trigger
-- reads a clock. A copy's "changes waiting to go" and the team file's "what
-- changed since this laptop last pulled" are both ranges of `seq`.

ALTER TABLE person ADD COLUMN uid TEXT;
UPDATE person SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX person_uid ON person (uid);

CREATE TRIGGER person_uid_given AFTER INSERT ON person WHEN NEW.uid IS NULL BEGIN
    UPDATE person SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = NEW.id; END;

ALTER TABLE status_change ADD COLUMN uid TEXT;
UPDATE status_change SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX status_change_uid ON status_change (uid);

CREATE TRIGGER status_change_uid_given AFTER INSERT ON status_change WHEN NEW.uid IS NULL BEGIN
    UPDATE status_change SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = NEW.id; END;

ALTER TABLE conversation ADD COLUMN uid TEXT;
UPDATE conversation SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX conversation_uid ON conversation (uid);

CREATE TRIGGER conversation_uid_given AFTER INSERT ON conversation WHEN NEW.uid IS NULL BEGIN
    UPDATE conversation SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = NEW.id; END;

ALTER TABLE goal ADD COLUMN uid TEXT;
UPDATE goal SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX goal_uid ON goal (uid);

CREATE TRIGGER goal_uid_given AFTER INSERT ON goal WHEN NEW.uid IS NULL BEGIN
    UPDATE goal SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = NEW.id; END;

ALTER TABLE measure ADD COLUMN uid TEXT;
UPDATE measure SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX measure_uid ON measure (uid);

CREATE TRIGGER measure_uid_given AFTER INSERT ON measure WHEN NEW.uid IS NULL BEGIN
    UPDATE measure SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = NEW.id; END;

ALTER TABLE connection ADD COLUMN uid TEXT;
UPDATE connection SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX connection_uid ON connection (uid);

CREATE TRIGGER connection_uid_given AFTER INSERT ON connection WHEN NEW.uid IS NULL BEGIN
    UPDATE connection SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = NEW.id; END;

ALTER TABLE connection_history ADD COLUMN uid TEXT;
UPDATE connection_history SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX connection_history_uid ON connection_history (uid);

CREATE TRIGGER connection_history_uid_given AFTER INSERT ON connection_history WHEN NEW.uid IS NULL BEGIN
    UPDATE connection_history SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = NEW.id; END;

ALTER TABLE reminder ADD COLUMN uid TEXT;
UPDATE reminder SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX reminder_uid ON reminder (uid);

CREATE TRIGGER reminder_uid_given AFTER INSERT ON reminder WHEN NEW.uid IS NULL BEGIN
    UPDATE reminder SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = NEW.id; END;

ALTER TABLE handover ADD COLUMN uid TEXT;
UPDATE handover SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX handover_uid ON handover (uid);

CREATE TRIGGER handover_uid_given AFTER INSERT ON handover WHEN NEW.uid IS NULL BEGIN
    UPDATE handover SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = NEW.id; END;


CREATE TABLE sync_change (
    seq        INTEGER PRIMARY KEY,
    tbl        TEXT NOT NULL,
    uid        TEXT NOT NULL,
    gone       INTEGER NOT NULL DEFAULT 0,
    changed_at TEXT,
    changed_by TEXT,
    pulled     INTEGER NOT NULL DEFAULT 0, -- 1: written by a sync from the other side, not here
    UNIQUE (tbl, uid)
);
CREATE INDEX sync_change_unstamped ON sync_change (seq) WHERE changed_at IS NULL;

CREATE TRIGGER person_insert_logged AFTER INSERT ON person WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'person', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER person_update_logged AFTER UPDATE ON person WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'person', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER person_delete_logged AFTER DELETE ON person WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'person', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER status_change_insert_logged AFTER INSERT ON status_change WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'status_change', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER status_change_update_logged AFTER UPDATE ON status_change WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'status_change', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER status_change_delete_logged AFTER DELETE ON status_change WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'status_change', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER conversation_insert_logged AFTER INSERT ON conversation WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'conversation', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER conversation_update_logged AFTER UPDATE ON conversation WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'conversation', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER conversation_delete_logged AFTER DELETE ON conversation WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'conversation', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER goal_insert_logged AFTER INSERT ON goal WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'goal', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER goal_update_logged AFTER UPDATE ON goal WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'goal', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER goal_delete_logged AFTER DELETE ON goal WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'goal', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER measure_insert_logged AFTER INSERT ON measure WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'measure', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER measure_update_logged AFTER UPDATE ON measure WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'measure', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER measure_delete_logged AFTER DELETE ON measure WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'measure', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER connection_insert_logged AFTER INSERT ON connection WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'connection', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER connection_update_logged AFTER UPDATE ON connection WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'connection', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER connection_delete_logged AFTER DELETE ON connection WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'connection', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER connection_history_insert_logged AFTER INSERT ON connection_history WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'connection_history', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER connection_history_update_logged AFTER UPDATE ON connection_history WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'connection_history', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER connection_history_delete_logged AFTER DELETE ON connection_history WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'connection_history', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER reminder_insert_logged AFTER INSERT ON reminder WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'reminder', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER reminder_update_logged AFTER UPDATE ON reminder WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'reminder', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER reminder_delete_logged AFTER DELETE ON reminder WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'reminder', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER handover_insert_logged AFTER INSERT ON handover WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'handover', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER handover_update_logged AFTER UPDATE ON handover WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'handover', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER handover_delete_logged AFTER DELETE ON handover WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'handover', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER service_insert_logged AFTER INSERT ON service WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'service', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER service_update_logged AFTER UPDATE ON service WHEN NEW.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'service', NEW.uid, 0)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;

CREATE TRIGGER service_delete_logged AFTER DELETE ON service WHEN OLD.uid IS NOT NULL BEGIN
    INSERT INTO sync_change (seq, tbl, uid, gone) VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_change), 'service', OLD.uid, 1)
    ON CONFLICT (tbl, uid) DO UPDATE SET seq = excluded.seq, gone = excluded.gone, changed_at = NULL, changed_by = NULL, pulled = 0; END;


-- Kept on a laptop copy only: where it came from and how far it has synced.
CREATE TABLE sync_origin (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    origin      TEXT NOT NULL, -- SERVER:PATH, or a path
    worker      TEXT NOT NULL, -- the login whose caseload this is
    device      TEXT NOT NULL, -- this copy's own uid, named in the team file's audit
    cursor      INTEGER NOT NULL DEFAULT 0, -- the team file's seq pulled up to
    pushed      INTEGER NOT NULL DEFAULT 0, -- this copy's seq pushed up to
    workers_n   INTEGER NOT NULL DEFAULT 0, -- the team file's worker change count seen
    synced_at   TEXT,
    cloned_at   TEXT NOT NULL
);

-- On a laptop copy: each synced record as the team file last had it, the
-- base of the three-way merge that finds which fields changed on which side.
CREATE TABLE sync_base (
    tbl TEXT NOT NULL,
    uid TEXT NOT NULL,
    row TEXT NOT NULL, -- JSON: column -> value, foreign keys as uids
    PRIMARY KEY (tbl, uid)
) WITHOUT ROWID;

-- On the team file: how far each laptop's pushes have been applied, so a
-- push repeated after a dropped connection changes nothing.
CREATE TABLE sync_device (
    device    TEXT PRIMARY KEY,
    worker    TEXT NOT NULL,
    applied   INTEGER NOT NULL DEFAULT 0,
    synced_at TEXT
) WITHOUT ROWID;

-- Both sides: a field changed on both, the value that lost and the one
-- kept, part of the person's history (so erasure and subject access find it).
CREATE TABLE sync_conflict (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,
    tbl       TEXT NOT NULL,
    uid       TEXT NOT NULL,
    field     TEXT NOT NULL,
    kept      TEXT,
    lost      TEXT,
    lost_by   TEXT NOT NULL, -- "laptop" or "team file", and who
    recorded_at TEXT NOT NULL
);
CREATE INDEX sync_conflict_person ON sync_conflict (person_id);
