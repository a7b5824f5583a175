-- What each counted exchange said, as a 64-bit fingerprint (domain.Exchange.fingerprint): a later copy of the
-- same id is counted once whatever it says, and one that says something else is a dead letter with its reason.
-- Ids counted before this column came have none: any copy of them is taken as the same.
ALTER TABLE counted_exchange ADD COLUMN fingerprint bigint;
