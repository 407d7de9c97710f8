CREATE TABLE tlds (
    id uuid NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description varchar(160) NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE UNIQUE INDEX tlds_name ON tlds (lower(name));

CREATE TABLE blacklists (
    id uuid NOT NULL PRIMARY KEY,
    pattern varchar(255) NOT NULL,
    description varchar(160) NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE UNIQUE INDEX blacklists_pattern ON blacklists (pattern);

CREATE TABLE tsigkeys (
    id uuid NOT NULL PRIMARY KEY,
    name varchar(160) NOT NULL,
    algorithm varchar(32) NOT NULL,
    secret varchar(160) NOT NULL,
    scope varchar(16) NOT NULL,
    resource_id uuid NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NULL
);
CREATE UNIQUE INDEX tsigkeys_name ON tsigkeys (name);
