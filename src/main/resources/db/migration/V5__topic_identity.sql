-- Stored positions belong to one incarnation of a topic: a topic recreated, or another cluster's topic of
-- the same name, starts again at offset 0. The topic's id tells them apart.
ALTER TABLE consumer_offset ADD COLUMN topic_id text;
