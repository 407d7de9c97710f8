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
