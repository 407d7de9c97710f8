-- Record sets and live records (action other than DELETE) per zone, kept by triggers whatever writes
-- them (API writes, imports by COPY, status reports, purges), in the writing transaction: the
-- zone_recordsets and zone_records quotas read the counters instead of counting the zone on each write.
CREATE TABLE zone_content_counts (
    zone_id uuid NOT NULL PRIMARY KEY REFERENCES zones (id) ON DELETE CASCADE,
    recordsets bigint NOT NULL,
    records bigint NOT NULL
);
INSERT INTO zone_content_counts (zone_id, recordsets, records)
SELECT z.id,
    (SELECT count(*) FROM recordsets s WHERE s.zone_id = z.id),
    (SELECT count(*) FROM records r WHERE r.zone_id = z.id AND r.action <> 'DELETE')
FROM zones z;

CREATE FUNCTION zone_content_counts_create() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO zone_content_counts (zone_id, recordsets, records) SELECT id, 0, 0 FROM new_zones;
    RETURN NULL;
END
$$;
CREATE TRIGGER zones_content_counted AFTER INSERT ON zones
REFERENCING NEW TABLE AS new_zones FOR EACH STATEMENT EXECUTE FUNCTION zone_content_counts_create();

-- Statement triggers: one counter update per zone and statement, so a COPY of 100,000 records
-- moves each counter once.
CREATE FUNCTION recordsets_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE zone_content_counts c SET recordsets = c.recordsets + d.n
        FROM (SELECT zone_id, count(*) AS n FROM new_rows GROUP BY zone_id) d WHERE c.zone_id = d.zone_id;
    ELSE
        UPDATE zone_content_counts c SET recordsets = c.recordsets - d.n
        FROM (SELECT zone_id, count(*) AS n FROM old_rows GROUP BY zone_id) d WHERE c.zone_id = d.zone_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER recordsets_counted_insert AFTER INSERT ON recordsets
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION recordsets_count();
CREATE TRIGGER recordsets_counted_delete AFTER DELETE ON recordsets
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION recordsets_count();

CREATE FUNCTION records_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE zone_content_counts c SET records = c.records + d.n
        FROM (SELECT zone_id, count(*) AS n FROM new_rows WHERE action <> 'DELETE' GROUP BY zone_id) d
        WHERE c.zone_id = d.zone_id;
    ELSE
        UPDATE zone_content_counts c SET records = c.records - d.n
        FROM (SELECT zone_id, count(*) AS n FROM old_rows WHERE action <> 'DELETE' GROUP BY zone_id) d
        WHERE c.zone_id = d.zone_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER records_counted_insert AFTER INSERT ON records
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION records_count();
CREATE TRIGGER records_counted_delete AFTER DELETE ON records
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION records_count();

-- Updates: a row trigger whose WHEN skips the common case (status, serial or data changes) without
-- calling anything; only a record marked for deletion or taken back moves a counter.
CREATE FUNCTION records_count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE zone_content_counts SET records = records - 1 WHERE zone_id = OLD.zone_id AND OLD.action <> 'DELETE';
    UPDATE zone_content_counts SET records = records + 1 WHERE zone_id = NEW.zone_id AND NEW.action <> 'DELETE';
    RETURN NULL;
END
$$;
CREATE TRIGGER records_counted_update AFTER UPDATE OF action, zone_id ON records FOR EACH ROW
WHEN ((OLD.action <> 'DELETE') <> (NEW.action <> 'DELETE') OR OLD.zone_id <> NEW.zone_id)
EXECUTE FUNCTION records_count_changed();
