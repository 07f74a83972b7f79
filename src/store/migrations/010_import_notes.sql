-- Schema (010 on main's numbering): tolerant imports (issue 11). A field of an
-- imported service that failed its check is left empty; its raw value and the
-- reason are kept here, one line per field, so nothing the feed said is lost.
ALTER TABLE service ADD COLUMN import_notes TEXT;
