-- Who sent a dead letter (the caller named in the record's "sender" header at ingest; null for a record
-- produced straight to Kafka without one), so that a disputed count is traced to its sender.
ALTER TABLE dead_letter ADD COLUMN sender text;
