-- Zone lists and zone placement served from indexes instead of scans of every zone.
-- A project's live zones in creation order: the first page of GET /v2/zones and its count.
CREATE INDEX zones_live_project ON zones (project_id, created_at, id) WHERE deleted_at IS NULL;
-- The same for all-projects lists (admins).
CREATE INDEX zones_live_created ON zones (created_at, id) WHERE deleted_at IS NULL;
DROP INDEX zones_project;

-- lower(name) spelled backwards: the zones below a name are the range of this column that starts
-- with the reversed '.name' (text compares byte-wise in SQLite). SQLite has no reverse(): a
-- recursive query spells each existing name backwards.
ALTER TABLE zones ADD COLUMN reversed_name TEXT NOT NULL DEFAULT '';
UPDATE zones SET reversed_name = (
    WITH RECURSIVE spelled(i, s) AS (
        SELECT length(zones.name), ''
        UNION ALL
        SELECT i - 1, s || substr(lower(zones.name), i, 1) FROM spelled WHERE i > 0)
    SELECT s FROM spelled WHERE i = 0);
CREATE INDEX zones_live_reversed_name ON zones (reversed_name) WHERE deleted_at IS NULL;

-- Live zones per project, kept by triggers on every insert, delete and change of project or
-- deleted_at, whatever writes them: an unfiltered list's total_count (and a sum for all projects)
-- without counting a project's index entries on every request.
CREATE TABLE zone_counts (
    project_id TEXT NOT NULL PRIMARY KEY,
    live INTEGER NOT NULL
);
INSERT INTO zone_counts (project_id, live)
SELECT project_id, count(*) FROM zones WHERE deleted_at IS NULL GROUP BY project_id;

CREATE TRIGGER zones_counted_insert AFTER INSERT ON zones WHEN NEW.deleted_at IS NULL
BEGIN
    INSERT INTO zone_counts (project_id, live) VALUES (NEW.project_id, 1)
    ON CONFLICT (project_id) DO UPDATE SET live = live + 1;
END;
CREATE TRIGGER zones_counted_delete AFTER DELETE ON zones WHEN OLD.deleted_at IS NULL
BEGIN
    UPDATE zone_counts SET live = live - 1 WHERE project_id = OLD.project_id;
END;
CREATE TRIGGER zones_counted_update AFTER UPDATE OF project_id, deleted_at ON zones
BEGIN
    UPDATE zone_counts SET live = live - 1 WHERE project_id = OLD.project_id AND OLD.deleted_at IS NULL;
    INSERT INTO zone_counts (project_id, live) SELECT NEW.project_id, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT (project_id) DO UPDATE SET live = live + 1;
END;
