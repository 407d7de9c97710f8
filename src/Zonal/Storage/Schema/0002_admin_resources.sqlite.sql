CREATE TABLE tlds (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX tlds_name ON tlds (lower(name));

CREATE TABLE blacklists (
    id TEXT NOT NULL PRIMARY KEY,
    pattern TEXT NOT NULL,
    description TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX blacklists_pattern ON blacklists (pattern);

CREATE TABLE tsigkeys (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    secret TEXT NOT NULL,
    scope TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX tsigkeys_name ON tsigkeys (name);
