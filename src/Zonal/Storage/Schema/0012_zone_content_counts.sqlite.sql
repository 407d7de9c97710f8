-- Record sets and live records (action other than DELETE) per zone, kept by triggers whatever writes
-- them (API writes, imports, status reports, purges), in the writing transaction: the
-- zone_recordsets and zone_records quotas read the counters instead of counting the zone on each write.
CREATE TABLE zone_content_counts (
    zone_id TEXT NOT NULL PRIMARY KEY REFERENCES zones (id) ON DELETE CASCADE,
    recordsets INTEGER NOT NULL,
    records INTEGER NOT NULL
);
INSERT INTO zone_content_counts (zone_id, recordsets, records)
SELECT z.id,
    (SELECT count(*) FROM recordsets s WHERE s.zone_id = z.id),
    (SELECT count(*) FROM records r WHERE r.zone_id = z.id AND r.action <> 'DELETE')
FROM zones z;

CREATE TRIGGER zones_content_counted AFTER INSERT ON zones
BEGIN
    INSERT INTO zone_content_counts (zone_id, recordsets, records) VALUES (NEW.id, 0, 0);
END;
CREATE TRIGGER recordsets_counted_insert AFTER INSERT ON recordsets
BEGIN
    UPDATE zone_content_counts SET recordsets = recordsets + 1 WHERE zone_id = NEW.zone_id;
END;
CREATE TRIGGER recordsets_counted_delete AFTER DELETE ON recordsets
BEGIN
    UPDATE zone_content_counts SET recordsets = recordsets - 1 WHERE zone_id = OLD.zone_id;
END;
CREATE TRIGGER records_counted_insert AFTER INSERT ON records WHEN NEW.action <> 'DELETE'
BEGIN
    UPDATE zone_content_counts SET records = records + 1 WHERE zone_id = NEW.zone_id;
END;
CREATE TRIGGER records_counted_delete AFTER DELETE ON records WHEN OLD.action <> 'DELETE'
BEGIN
    UPDATE zone_content_counts SET records = records - 1 WHERE zone_id = OLD.zone_id;
END;
CREATE TRIGGER records_counted_update AFTER UPDATE OF action, zone_id ON records
WHEN (OLD.action <> 'DELETE') <> (NEW.action <> 'DELETE') OR OLD.zone_id <> NEW.zone_id
BEGIN
    UPDATE zone_content_counts SET records = records - 1 WHERE zone_id = OLD.zone_id AND OLD.action <> 'DELETE';
    UPDATE zone_content_counts SET records = records + 1 WHERE zone_id = NEW.zone_id AND NEW.action <> 'DELETE';
END;
