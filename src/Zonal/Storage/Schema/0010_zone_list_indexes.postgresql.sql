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
