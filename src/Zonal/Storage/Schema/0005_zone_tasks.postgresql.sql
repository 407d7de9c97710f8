-- Zone import and export tasks (Designate's zone_imports and zone_exports), told apart by kind.
CREATE TABLE zone_tasks (
    id uuid NOT NULL PRIMARY KEY,
    kind varchar(16) NOT NULL,
    project_id varchar(255) NOT NULL,
    status varchar(16) NOT NULL,
    message varchar(160) NULL,
    zone_id uuid NULL,
    location varchar(255) NULL,
    version integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE INDEX zone_tasks_kind_project ON zone_tasks (kind, project_id);
