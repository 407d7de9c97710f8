CREATE TABLE shared_zones (
    id uuid NOT NULL PRIMARY KEY,
    zone_id uuid NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
    project_id varchar(255) NOT NULL,
    target_project_id varchar(255) NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE UNIQUE INDEX shared_zones_target ON shared_zones (zone_id, target_project_id);
CREATE INDEX shared_zones_target_project ON shared_zones (target_project_id, zone_id);

CREATE TABLE zone_transfer_requests (
    id uuid NOT NULL PRIMARY KEY,
    zone_id uuid NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
    project_id varchar(255) NOT NULL,
    target_project_id varchar(255) NULL,
    description varchar(160) NULL,
    key varchar(255) NOT NULL,
    status varchar(16) NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE UNIQUE INDEX zone_transfer_requests_active ON zone_transfer_requests (zone_id) WHERE status = 'ACTIVE';

CREATE TABLE zone_transfer_accepts (
    id uuid NOT NULL PRIMARY KEY,
    zone_transfer_request_id uuid NOT NULL,
    zone_id uuid NOT NULL,
    project_id varchar(255) NOT NULL,
    key varchar(255) NOT NULL,
    status varchar(16) NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
