-- Counters that do not grow for ever: each family's table is partitioned by grain, and each grain's rows by
-- bucket time, so that a grain past its retention is forgotten by dropping whole partitions, never by DELETE.
-- The application makes the partitions of new buckets and drops the old ones (aggregate.CounterTables, from
-- the declaration in counters.CounterFamily); this migration moves the rows counted so far into one partition
-- per grain that ends tomorrow, dropped whole once its newest rows are past their retention.
DO $$
DECLARE
    family  record;
    grain   text;
    legacy_end timestamptz := date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '1 day';
BEGIN
    FOR family IN SELECT * FROM (VALUES
            ('scope_channel_count', 'scope text NOT NULL, channel text NOT NULL', 'scope, channel'),
            ('crime_kind_count', 'crime_area text NOT NULL, kind text NOT NULL', 'crime_area, kind'),
            ('task_force_count', 'task_force text NOT NULL', 'task_force'),
            ('flow_count', 'from_party text NOT NULL, to_party text NOT NULL', 'from_party, to_party'))
            AS f(name, columns, dimensions) LOOP
        EXECUTE format('ALTER TABLE %I RENAME TO %I', family.name, family.name || '_v1');
        EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', family.name || '_v1', family.name || '_pkey',
                family.name || '_v1_pkey');
        EXECUTE format('CREATE TABLE %I (grain text NOT NULL, bucket timestamptz NOT NULL, %s, n bigint NOT NULL, '
                || 'PRIMARY KEY (grain, bucket, %s)) PARTITION BY LIST (grain)', family.name, family.columns, family.dimensions);
        FOREACH grain IN ARRAY ARRAY['MINUTE', 'HOUR', 'DAY', 'YEAR'] LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%L) PARTITION BY RANGE (bucket)',
                    family.name || '_' || lower(grain), family.name, grain);
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (MINVALUE) TO (%L)',
                    family.name || '_' || lower(grain) || '_legacy', family.name || '_' || lower(grain), legacy_end);
        END LOOP;
        EXECUTE format('INSERT INTO %I SELECT grain, bucket, %s, n FROM %I', family.name, family.dimensions, family.name || '_v1');
        EXECUTE format('DROP TABLE %I', family.name || '_v1');
    END LOOP;
END $$;
