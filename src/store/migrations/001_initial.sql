-- Schema v1. Never edit once released: add a new numbered migration instead.
-- Dates are ISO-8601 text: YYYY-MM-DD for days, YYYY-MM-DDTHH:MM:SS (local time) for moments.

CREATE TABLE referral_source (
    name     TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);
INSERT INTO referral_source (name, position) VALUES
    ('GP practice', 1), ('practice staff', 2), ('pharmacy', 3), ('hospital', 4),
    ('local authority', 5), ('housing', 6), ('police', 7), ('fire service', 8),
    ('job centre', 9), ('VCSE', 10), ('self-referral', 11), ('other', 12);

CREATE TABLE person (
    id                  INTEGER PRIMARY KEY,
    given_name          TEXT NOT NULL CHECK (length(trim(given_name)) > 0),
    family_name         TEXT NOT NULL CHECK (length(trim(family_name)) > 0),
    preferred_name      TEXT,
    date_of_birth       TEXT,
    nhs_number          TEXT CHECK (nhs_number IS NULL OR length(nhs_number) = 10),
    phone               TEXT,
    email               TEXT,
    address             TEXT,
    postcode            TEXT,
    contact_preferences TEXT,
    referral_source     TEXT NOT NULL DEFAULT 'other',
    referral_reason     TEXT,
    referred_on         TEXT NOT NULL,
    first_contact_on    TEXT,
    status              TEXT NOT NULL DEFAULT 'referred'
                        CHECK (status IN ('referred', 'active', 'paused', 'closed', 'declined')),
    status_reason       TEXT,
    closed_on           TEXT,
    risk_note           TEXT,
    consent_recorded_on TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    -- Bumped on every update; an edit made from a stale copy is refused, so two
    -- instances on one file never silently overwrite each other.
    version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX person_status ON person (status);

-- Every status change, for the person's status history.
CREATE TABLE status_change (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    reason     TEXT,
    changed_on TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX status_change_person ON status_change (person_id, id);

CREATE TABLE conversation (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    occurred_at  TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'other'
                 CHECK (kind IN ('what_matters', 'follow_up', 'phone', 'visit', 'accompanied', 'other')),
    body         TEXT NOT NULL CHECK (length(trim(body)) > 0),
    author       TEXT,
    -- Append-only: a correction is a new row pointing at the row it corrects.
    amends       INTEGER REFERENCES conversation (id),
    amend_reason TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX conversation_person ON conversation (person_id, occurred_at);
CREATE INDEX conversation_amends ON conversation (amends);

CREATE TABLE goal (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped')),
    created_on TEXT NOT NULL,
    ended_on   TEXT
);
CREATE INDEX goal_person ON goal (person_id, status);

CREATE TABLE measure (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    instrument TEXT NOT NULL CHECK (instrument IN ('ONS4', 'UCLA3', 'SWEMWBS')),
    taken_on   TEXT NOT NULL,
    items      TEXT NOT NULL, -- JSON array of item scores, in instrument order
    total      INTEGER,       -- NULL for ONS4: its items are never summed
    created_at TEXT NOT NULL
);
CREATE INDEX measure_person ON measure (person_id, instrument, taken_on);

CREATE TABLE service (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    organisation     TEXT,
    description      TEXT,
    categories       TEXT, -- comma-separated
    area             TEXT,
    address          TEXT,
    postcode         TEXT,
    phone            TEXT,
    email            TEXT,
    url              TEXT,
    opening_times    TEXT,
    eligibility      TEXT,
    cost             TEXT,
    how_to_refer     TEXT,
    last_verified_on TEXT,
    status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    source           TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE connection (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    service_id INTEGER NOT NULL REFERENCES service (id),
    status     TEXT NOT NULL DEFAULT 'suggested'
               CHECK (status IN ('suggested', 'referred', 'attended', 'declined', 'did_not_attend', 'ended')),
    status_on  TEXT NOT NULL,
    note       TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX connection_person ON connection (person_id);
CREATE INDEX connection_service ON connection (service_id);

CREATE TABLE reminder (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER REFERENCES person (id) ON DELETE SET NULL,
    service_id    INTEGER REFERENCES service (id) ON DELETE SET NULL,
    due_on        TEXT NOT NULL,
    due_time      TEXT,
    text          TEXT NOT NULL,
    done_at       TEXT,
    snoozed_until TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX reminder_open ON reminder (done_at, due_on);
CREATE INDEX reminder_person ON reminder (person_id, done_at, due_on);

-- Who did what, by id only: never personal data in this table.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER
);
