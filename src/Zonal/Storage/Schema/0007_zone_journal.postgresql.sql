-- The differences between consecutive serials of a zone, written by central in the transaction of
-- each change, so MiniDNS can answer IXFR (RFC 1995). Each side holds one record per line,
-- "owner<TAB>ttl<TAB>type<TAB>rdata"; the first line of each is the SOA (old, then new).
-- complete = false marks a change whose records could not all be listed: IXFR falls back to AXFR across it.
CREATE TABLE zone_journal (
    id bigserial NOT NULL PRIMARY KEY,
    zone_id uuid NOT NULL,
    serial_from bigint NOT NULL,
    serial_to bigint NOT NULL,
    complete boolean NOT NULL,
    deleted text NOT NULL,
    added text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX zone_journal_zone ON zone_journal (zone_id, serial_to);
