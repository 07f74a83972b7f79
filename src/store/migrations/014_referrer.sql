-- Schema 14: who made the referral, so the letter back can be addressed to
-- them (issue 24): a name ("Dr A Patel") and their organisation or practice
-- ("Hyde Park Surgery"). Both optional; NULL is "not recorded", and the
-- letter then goes to the referral source.
ALTER TABLE person ADD COLUMN referrer_name TEXT;
ALTER TABLE person ADD COLUMN referrer_organisation TEXT;
