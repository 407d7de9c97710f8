CREATE TABLE shared_zones (
    id TEXT NOT NULL PRIMARY KEY,
    zone_id TEXT NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
    project_id TEXT NOT NULL,
    target_project_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX shared_zones_target ON shared_zones (zone_id, target_project_id);
CREATE INDEX shared_zones_target_project ON shared_zones (target_project_id, zone_id);

CREATE TABLE zone_transfer_requests (
    id TEXT NOT NULL PRIMARY KEY,
    zone_id TEXT NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
    project_id TEXT NOT NULL,
    target_project_id TEXT NULL,
    description TEXT NULL,
    key TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX zone_transfer_requests_active ON zone_transfer_requests (zone_id) WHERE status = 'ACTIVE';

CREATE TABLE zone_transfer_accepts (
    id TEXT NOT NULL PRIMARY KEY,
    zone_transfer_request_id TEXT NOT NULL,
    zone_id TEXT NOT NULL,
    project_id TEXT NOT NULL,
    key TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
