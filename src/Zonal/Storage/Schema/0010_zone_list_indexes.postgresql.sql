-- Zone lists and zone placement served from indexes instead of scans of every zone.
-- A project's live zones in creation order: the first page of GET /v2/zones and its count.
CREATE INDEX zones_live_project ON zones (project_id, created_at, id) WHERE deleted_at IS NULL;
-- The same for all-projects lists (admins).
CREATE INDEX zones_live_created ON zones (created_at, id) WHERE deleted_at IS NULL;
DROP INDEX zones_project;

-- lower(name) spelled backwards: the zones below a name are the range of this column that starts
-- with the reversed '.name'. Byte order ("C"), so that range is exactly those names.
ALTER TABLE zones ADD COLUMN reversed_name varchar(255) COLLATE "C" NOT NULL DEFAULT '';
UPDATE zones SET reversed_name = reverse(lower(name));
CREATE INDEX zones_live_reversed_name ON zones (reversed_name) WHERE deleted_at IS NULL;

-- Live zones per project, kept by a trigger on every insert, delete and change of project or
-- deleted_at, whatever writes them: an unfiltered list's total_count (and a sum for all projects)
-- without counting a project's index entries on every request.
CREATE TABLE zone_counts (
    project_id varchar(255) NOT NULL PRIMARY KEY,
    live bigint NOT NULL
);
INSERT INTO zone_counts (project_id, live)
SELECT project_id, count(*) FROM zones WHERE deleted_at IS NULL GROUP BY project_id;

CREATE FUNCTION zone_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
        UPDATE zone_counts SET live = live - 1 WHERE project_id = OLD.project_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.deleted_at IS NULL THEN
        INSERT INTO zone_counts (project_id, live) VALUES (NEW.project_id, 1)
        ON CONFLICT (project_id) DO UPDATE SET live = zone_counts.live + 1;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER zones_counted AFTER INSERT OR DELETE OR UPDATE OF project_id, deleted_at ON zones
FOR EACH ROW EXECUTE FUNCTION zone_counts_track();
