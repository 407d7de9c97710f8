namespace Zonal.Domain.PolicyLanguage;

/// <summary>
/// Designate's default policy ("new defaults", project scope; contract §7) under Designate's rule
/// names, so an operator's policy file can replace any one of them. Targets carry project_id (the
/// owner), zone_type, zone_shared, recordset_project_id, target_project_id and all_tenants.
/// </summary>
public static class DesignateDefaultRules
{
    private const string Admin = "rule:admin";
    private const string AdminOrMember = "rule:admin or rule:project_member";
    private const string AdminOrReader = "rule:admin or rule:project_reader";
    private const string AdminOrReaderOrShared = "rule:admin or rule:project_reader or rule:shared";
    private const string Anyone = "@";

    private const string RecordSetWrite =
        "(rule:project_member and rule:primary_zone) or rule:admin"
        + " or (role:member and project_id:%(recordset_project_id)s and rule:primary_zone)";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        // Base rules the others are written in.
        ["admin"] = "role:admin",
        ["project_member"] = "role:member and project_id:%(project_id)s",
        ["project_reader"] = "role:reader and project_id:%(project_id)s",
        ["shared"] = "'True':%(zone_shared)s",
        ["primary_zone"] = "'PRIMARY':%(zone_type)s",
        ["transfer_target"] = "project_id:%(target_project_id)s or 'None':%(target_project_id)s",

        // Context modifiers, checked when the context is built.
        ["all_tenants"] = Admin,
        ["use_sudo"] = Admin,
        ["edit_managed_records"] = Admin,
        ["hard_delete"] = Admin,
        ["use_low_ttl"] = Admin,

        ["create_zone"] = AdminOrMember,
        ["find_zones"] = AdminOrReader,
        ["get_zone"] = AdminOrReaderOrShared,
        ["get_zone_ns_records"] = AdminOrReader,
        ["update_zone"] = AdminOrMember,
        ["delete_zone"] = AdminOrMember,
        ["xfr_zone"] = AdminOrMember,
        ["abandon_zone"] = Admin,
        ["pool_move_zone"] = Admin,
        ["zone_create_forced_pool"] = Admin,
        ["use_blacklisted_zone"] = Admin,

        ["create_recordset"] = "(rule:project_member and rule:primary_zone) or rule:admin or (rule:shared and rule:primary_zone)",
        ["get_recordset"] = AdminOrReaderOrShared,
        ["get_recordsets"] = AdminOrReaderOrShared,
        ["find_recordsets"] = AdminOrReader,
        ["update_recordset"] = RecordSetWrite,
        ["delete_recordset"] = RecordSetWrite,

        // Floating IP PTRs: Designate lists and shows them under find_records. It has no rule for
        // setting one: Neutron's ownership is the only check. Zonal names that check update_floatingip,
        // open to anyone by default as in Designate, so an operator's policy file can keep readers out.
        ["find_records"] = AdminOrReader,
        ["update_floatingip"] = Anyone,

        ["share_zone"] = AdminOrMember,
        ["get_shared_zone"] = AdminOrMember,
        ["unshare_zone"] = AdminOrMember,
        ["find_zone_shares"] = Anyone,
        ["find_project_zone_share"] = AdminOrMember,

        ["create_zone_transfer_request"] = AdminOrMember,
        ["get_zone_transfer_request"] = "rule:admin or rule:project_member or rule:transfer_target",
        ["get_zone_transfer_request_detailed"] = AdminOrReader,
        ["find_zone_transfer_requests"] = Anyone,
        ["update_zone_transfer_request"] = AdminOrMember,
        ["delete_zone_transfer_request"] = AdminOrMember,
        ["create_zone_transfer_accept"] = "rule:admin or rule:transfer_target",
        ["get_zone_transfer_accept"] = AdminOrReader,
        ["find_zone_transfer_accepts"] = Admin,

        ["create_zone_import"] = AdminOrMember,
        ["find_zone_imports"] = AdminOrReader,
        ["get_zone_import"] = AdminOrReader,
        ["delete_zone_import"] = AdminOrMember,
        ["zone_export"] = AdminOrMember,
        ["find_zone_exports"] = AdminOrReader,
        ["get_zone_export"] = AdminOrReader,
        ["delete_zone_export"] = AdminOrMember,


        ["get_quotas"] = "rule:admin or rule:project_reader or (role:reader and 'True':%(all_tenants)s)",
        ["set_quota"] = Admin,
        ["reset_quotas"] = Admin,

        ["create_pool"] = Admin,
        ["find_pools"] = Admin,
        ["get_pool"] = Admin,
        ["update_pool"] = Admin,
        ["delete_pool"] = Admin,
        ["create_tld"] = Admin,
        ["find_tlds"] = Admin,
        ["get_tld"] = Admin,
        ["update_tld"] = Admin,
        ["delete_tld"] = Admin,
        ["create_tsigkey"] = Admin,
        ["find_tsigkeys"] = Admin,
        ["get_tsigkey"] = Admin,
        ["update_tsigkey"] = Admin,
        ["delete_tsigkey"] = Admin,
        ["create_blacklist"] = Admin,
        ["find_blacklists"] = Admin,
        ["get_blacklist"] = Admin,
        ["update_blacklist"] = Admin,
        ["delete_blacklist"] = Admin,
        ["find_service_statuses"] = Admin,
        ["find_service_status"] = Admin,
    };
}
