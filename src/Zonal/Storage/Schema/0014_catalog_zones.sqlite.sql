-- A pool's live CATALOG zone (RFC 9432), found by every zone create and delete (its serial moves on)
-- and by the worker for every change: one index entry per catalog, so no scan of all zones.
CREATE INDEX zones_live_catalog ON zones (pool_id) WHERE type = 'CATALOG' AND deleted_at IS NULL;
