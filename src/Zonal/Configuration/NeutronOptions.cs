namespace Zonal.Configuration;

/// <summary>
/// Designate's [network_api:neutron]: where the floating IPs of /v2/reverse/floatingips come from.
/// Configured endpoints win over the Keystone service catalog, as in Designate.
/// </summary>
public sealed class NeutronOptions
{
    /// <summary>
    /// Entries "region|url" (each entry may also hold several, comma-separated, as Designate's list
    /// option is written). Empty: the endpoints come from the caller's service catalog.
    /// </summary>
    public List<string> Endpoints { get; set; } = [];

    /// <summary>Which catalog URL of a network endpoint to use (Keystone v2 naming; v3's interface public, internal, admin also match).</summary>
    public string EndpointType { get; set; } = "publicURL";

    /// <summary>Seconds a Neutron request may take.</summary>
    public double Timeout { get; set; } = 30;
}
