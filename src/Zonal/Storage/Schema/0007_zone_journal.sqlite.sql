-- The differences between consecutive serials of a zone, written by central in the transaction of
-- each change, so MiniDNS can answer IXFR (RFC 1995). Each side holds one record per line,
-- "owner<TAB>ttl<TAB>type<TAB>rdata"; the first line of each is the SOA (old, then new).
-- complete = 0 marks a change whose records could not all be listed: IXFR falls back to AXFR across it.
CREATE TABLE zone_journal (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    zone_id TEXT NOT NULL,
    serial_from INTEGER NOT NULL,
    serial_to INTEGER NOT NULL,
    complete INTEGER NOT NULL,
    deleted TEXT NOT NULL,
    added TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX zone_journal_zone ON zone_journal (zone_id, serial_to);
