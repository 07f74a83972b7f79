-- Schema 12: a half-filled form kept when the app was quit, hung up or
-- killed mid-edit (issue 20), and opened again at the next start. One per
-- worker (their OS login). `purpose` says which form ("person",
-- "person:12", "goal:12", ...); `person_id` is the person it is about, so
-- it is erased with them; `fields` is JSON, field name to value.
CREATE TABLE form_draft (
    worker     TEXT PRIMARY KEY,
    purpose    TEXT NOT NULL,
    person_id  INTEGER REFERENCES person (id) ON DELETE CASCADE,
    fields     TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
