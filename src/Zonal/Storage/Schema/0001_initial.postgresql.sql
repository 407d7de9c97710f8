CREATE TABLE zones (
    id uuid NOT NULL PRIMARY KEY,
    project_id varchar(255) NOT NULL,
    pool_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    email varchar(255) NOT NULL,
    ttl integer NOT NULL,
    serial bigint NOT NULL,
    refresh integer NOT NULL,
    retry integer NOT NULL,
    expire integer NOT NULL,
    minimum integer NOT NULL,
    status varchar(16) NOT NULL,
    action varchar(16) NOT NULL,
    type varchar(16) NOT NULL,
    description varchar(160) NULL,
    masters text NOT NULL,
    attributes text NOT NULL,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL,
    transferred_at timestamptz NULL,
    deleted_at timestamptz NULL
);
CREATE UNIQUE INDEX zones_live_name ON zones (lower(name), pool_id) WHERE deleted_at IS NULL;
CREATE INDEX zones_project ON zones (project_id, created_at);

CREATE TABLE recordsets (
    id uuid NOT NULL PRIMARY KEY,
    zone_id uuid NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
    project_id varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    type varchar(16) NOT NULL,
    ttl integer NULL,
    description varchar(160) NULL,
    managed boolean NOT NULL,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE UNIQUE INDEX recordsets_name_type ON recordsets (zone_id, lower(name), type);

CREATE TABLE records (
    id uuid NOT NULL PRIMARY KEY,
    recordset_id uuid NOT NULL REFERENCES recordsets (id) ON DELETE CASCADE,
    zone_id uuid NOT NULL,
    data text NOT NULL,
    managed boolean NOT NULL,
    status varchar(16) NOT NULL,
    action varchar(16) NOT NULL,
    serial bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE UNIQUE INDEX records_data ON records (recordset_id, data);
CREATE INDEX records_zone ON records (zone_id, status);

CREATE TABLE outbox (
    id bigserial NOT NULL PRIMARY KEY,
    zone_id uuid NOT NULL,
    action varchar(16) NOT NULL,
    serial bigint NOT NULL,
    created_at timestamptz NOT NULL,
    processed_at timestamptz NULL
);
CREATE INDEX outbox_pending ON outbox (zone_id) WHERE processed_at IS NULL;
