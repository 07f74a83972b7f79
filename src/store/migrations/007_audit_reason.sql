-- Schema v7: an erasure leaves a tombstone in the audit with the reason it was
-- done (never a name: the worker is told so where the reason is asked for).
ALTER TABLE audit ADD COLUMN reason TEXT;
