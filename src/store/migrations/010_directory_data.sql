-- Schema (010 on main's numbering): real directory data (issue 11).
-- A field of an imported service that failed its check is left empty; its
-- raw value and the reason are kept in import_notes, one line per field.
ALTER TABLE service ADD COLUMN import_notes TEXT;
-- What an Open Referral feed said that we do not model (JSON written and read
-- by io::oruk), so an export gives it back.
ALTER TABLE service ADD COLUMN source_extra TEXT;
-- The UUID the service is exported under (its uid if that is a UUID, else
-- one derived from it), so importing our own export finds the service again.
-- Filled by the store on every write; NULL for rows written before.
ALTER TABLE service ADD COLUMN export_id TEXT;
CREATE INDEX service_export_id ON service (export_id);
