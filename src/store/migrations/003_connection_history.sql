-- Schema v3: every step of a person's connection to a service, dated, with an
-- optional note, so the person pane can show how it went (no blame, no limit).
CREATE TABLE connection_history (
    id            INTEGER PRIMARY KEY,
    connection_id INTEGER NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    status        TEXT NOT NULL
                  CHECK (status IN ('suggested', 'referred', 'attended', 'declined', 'did_not_attend', 'ended')),
    status_on     TEXT NOT NULL,
    note          TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX connection_history_connection ON connection_history (connection_id, id);

-- Connections made before v3 start their history with their current status.
INSERT INTO connection_history (connection_id, status, status_on, note, created_at)
    SELECT id, status, status_on, note, created_at FROM connection;
