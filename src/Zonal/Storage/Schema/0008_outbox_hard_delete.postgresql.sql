-- A DELETE sent with X-Designate-Hard-Delete: the worker asks backends to drop the zone's files too.
ALTER TABLE outbox ADD COLUMN hard_delete boolean NOT NULL DEFAULT false;
