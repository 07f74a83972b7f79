-- Schema v9 (v8 lands from the dp-tui branch): optional equality-monitoring
-- fields, checked in domain/monitoring.rs and reported only as counts, never
-- per person. NULL is "not recorded"; 'prefer not to say' is a value.
ALTER TABLE person ADD COLUMN sex TEXT;
ALTER TABLE person ADD COLUMN ethnicity TEXT;
ALTER TABLE person ADD COLUMN carer TEXT;
-- The GP practice's ODS code (a letter and five digits), or 'prefer not to say'.
ALTER TABLE person ADD COLUMN gp_practice TEXT;
