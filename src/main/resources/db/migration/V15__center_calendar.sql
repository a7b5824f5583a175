-- The center's calendar: days and years were UTC's; from this version they are the center's, in the IANA zone
-- that EXCHANGEPULSE_CENTER_ZONE names (Europe/Bucharest unless set), and a day or year bucket is the instant the
-- center's day or year begins. The zone is recorded here: counts of two calendars must not mix, so a later start
-- with another zone is refused (platform.SchemaMigration; src/docs/operations.md, "The center's clock").
-- Each day and year counted so far keeps its counts and moves to begin at the center's midnight of the same date:
-- the seed's years and archives stay exact, while a day counted live before this version still holds the
-- exchanges of its UTC day (off by the zone's offset at either end). Minutes and hours are instants in every
-- zone and do not move.
CREATE TABLE center_calendar (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    zone     text NOT NULL
);
INSERT INTO center_calendar (zone) VALUES ('${center-zone}');

DO $$
DECLARE
    family text;
BEGIN
    FOREACH family IN ARRAY ARRAY['scope_channel_count', 'crime_kind_count', 'task_force_count', 'flow_count'] LOOP
        EXECUTE format('UPDATE %I SET bucket = (bucket AT TIME ZONE ''UTC'') AT TIME ZONE %L WHERE grain IN (''DAY'', ''YEAR'')',
                family, '${center-zone}');
    END LOOP;
END
$$;
