-- Autosaved, unsaved conversation notes: one draft per person (and per note it amends).
CREATE TABLE draft (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    amends     INTEGER REFERENCES conversation (id),
    kind       TEXT NOT NULL DEFAULT 'other',
    occurred_at TEXT NOT NULL,
    body       TEXT NOT NULL,
    amend_reason TEXT,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX draft_person ON draft (person_id, ifnull(amends, 0));
