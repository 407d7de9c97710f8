-- Records the service keeps for something outside DNS (Designate's managed_* columns): a floating IP's
-- PTR set through /v2/reverse/floatingips, or the A/AAAA records the sink writes for instances and
-- floating IPs. NULL on every record a tenant writes.
ALTER TABLE records ADD COLUMN managed_plugin_name TEXT NULL;
ALTER TABLE records ADD COLUMN managed_plugin_type TEXT NULL;
ALTER TABLE records ADD COLUMN managed_resource_type TEXT NULL;
ALTER TABLE records ADD COLUMN managed_resource_id TEXT NULL;
ALTER TABLE records ADD COLUMN managed_resource_region TEXT NULL;
ALTER TABLE records ADD COLUMN managed_extra TEXT NULL;
ALTER TABLE records ADD COLUMN managed_tenant_id TEXT NULL;
-- Found by the resource they stand for (a floating IP's PTR, an instance's records to delete).
CREATE INDEX records_managed_resource ON records (managed_resource_type, managed_resource_id) WHERE managed_resource_id IS NOT NULL;
