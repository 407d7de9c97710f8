-- pool_move: the pool a zone left, until its nameservers dropped it (the worker finishes an interrupted move from it).
ALTER TABLE zones ADD COLUMN moved_from_pool_id TEXT NULL;
