CREATE TABLE zones (
    id TEXT NOT NULL PRIMARY KEY,
    project_id TEXT NOT NULL,
    pool_id TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    ttl INTEGER NOT NULL,
    serial INTEGER NOT NULL,
    refresh INTEGER NOT NULL,
    retry INTEGER NOT NULL,
    expire INTEGER NOT NULL,
    minimum INTEGER NOT NULL,
    status TEXT NOT NULL,
    action TEXT NOT NULL,
    type TEXT NOT NULL,
    description TEXT NULL,
    masters TEXT NOT NULL,
    attributes TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL,
    transferred_at TEXT NULL,
    deleted_at TEXT NULL
);
CREATE UNIQUE INDEX zones_live_name ON zones (lower(name), pool_id) WHERE deleted_at IS NULL;
CREATE INDEX zones_project ON zones (project_id, created_at);

CREATE TABLE recordsets (
    id TEXT NOT NULL PRIMARY KEY,
    zone_id TEXT NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
    project_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    ttl INTEGER NULL,
    description TEXT NULL,
    managed INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX recordsets_name_type ON recordsets (zone_id, lower(name), type);

CREATE TABLE records (
    id TEXT NOT NULL PRIMARY KEY,
    recordset_id TEXT NOT NULL REFERENCES recordsets (id) ON DELETE CASCADE,
    zone_id TEXT NOT NULL,
    data TEXT NOT NULL,
    managed INTEGER NOT NULL,
    status TEXT NOT NULL,
    action TEXT NOT NULL,
    serial INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX records_data ON records (recordset_id, data);
CREATE INDEX records_zone ON records (zone_id, status);

CREATE TABLE outbox (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    zone_id TEXT NOT NULL,
    action TEXT NOT NULL,
    serial INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    processed_at TEXT NULL
);
CREATE INDEX outbox_pending ON outbox (zone_id) WHERE processed_at IS NULL;
