-- Zone import and export tasks (Designate's zone_imports and zone_exports), told apart by kind.
CREATE TABLE zone_tasks (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    project_id TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT NULL,
    zone_id TEXT NULL,
    location TEXT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NULL
);
CREATE INDEX zone_tasks_kind_project ON zone_tasks (kind, project_id);
