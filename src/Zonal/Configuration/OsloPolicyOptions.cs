using Microsoft.Extensions.Configuration;

namespace Zonal.Configuration;

/// <summary>[oslo_policy]: where an operator's rule overrides live.</summary>
public sealed class OsloPolicyOptions
{
    /// <summary>oslo.policy file (YAML or JSON mapping of rule name to rule) overriding Designate's default rules; none keeps the defaults.</summary>
    [ConfigurationKeyName("policy_file")]
    public string? PolicyFile { get; set; }
}
