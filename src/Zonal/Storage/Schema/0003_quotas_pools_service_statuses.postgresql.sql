CREATE TABLE quotas (
    project_id varchar(255) NOT NULL,
    resource varchar(32) NOT NULL,
    hard_limit integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL,
    PRIMARY KEY (project_id, resource)
);

CREATE TABLE pools (
    id uuid NOT NULL PRIMARY KEY,
    name varchar(50) NOT NULL,
    description varchar(160) NULL,
    attributes text NOT NULL,
    ns_records text NOT NULL,
    nameservers text NOT NULL,
    targets text NOT NULL,
    also_notifies text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE UNIQUE INDEX pools_name ON pools (name);

-- The default pool exists from the start; its empty ns_records mean "the configured ones".
INSERT INTO pools (id, name, description, attributes, ns_records, nameservers, targets, also_notifies, created_at)
VALUES ('794ccc2c-d751-44fe-b57f-8894c9f5c842', 'default', 'Default Pool', '{}', '[]', '[]', '[]', '[]', now());

CREATE TABLE service_statuses (
    id uuid NOT NULL PRIMARY KEY,
    service_name varchar(32) NOT NULL,
    hostname varchar(255) NOT NULL,
    status varchar(16) NOT NULL,
    stats text NOT NULL,
    capabilities text NOT NULL,
    heartbeated_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE UNIQUE INDEX service_statuses_service_host ON service_statuses (service_name, hostname);
