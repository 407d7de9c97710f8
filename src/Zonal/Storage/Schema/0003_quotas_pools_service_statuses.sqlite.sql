CREATE TABLE quotas (
    project_id TEXT NOT NULL,
    resource TEXT NOT NULL,
    hard_limit INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL,
    PRIMARY KEY (project_id, resource)
);

CREATE TABLE pools (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NULL,
    attributes TEXT NOT NULL,
    ns_records TEXT NOT NULL,
    nameservers TEXT NOT NULL,
    targets TEXT NOT NULL,
    also_notifies TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX pools_name ON pools (name);

-- The default pool exists from the start; its empty ns_records mean "the configured ones".
-- EF Core keeps SQLite GUIDs as upper-case text.
INSERT INTO pools (id, name, description, attributes, ns_records, nameservers, targets, also_notifies, created_at)
VALUES ('794CCC2C-D751-44FE-B57F-8894C9F5C842', 'default', 'Default Pool', '{}', '[]', '[]', '[]', '[]', strftime('%Y-%m-%d %H:%M:%f', 'now'));

CREATE TABLE service_statuses (
    id TEXT NOT NULL PRIMARY KEY,
    service_name TEXT NOT NULL,
    hostname TEXT NOT NULL,
    status TEXT NOT NULL,
    stats TEXT NOT NULL,
    capabilities TEXT NOT NULL,
    heartbeated_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX service_statuses_service_host ON service_statuses (service_name, hostname);
