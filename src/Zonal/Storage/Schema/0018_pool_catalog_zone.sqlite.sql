-- The name of a pool's live CATALOG zone (RFC 9432), NULL when pools.yaml gives it none. Zone creates and
-- deletes, and the worker's propagations, read it with the pool instead of looking for a catalog zone row,
-- so pools without a catalog cost nothing more.
ALTER TABLE pools ADD COLUMN catalog_zone TEXT NULL;
UPDATE pools SET catalog_zone = (
    SELECT z.name FROM zones z WHERE z.pool_id = pools.id AND z.type = 'CATALOG' AND z.deleted_at IS NULL);
