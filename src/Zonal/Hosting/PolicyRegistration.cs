using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Zonal.Configuration;
using Zonal.Domain.PolicyLanguage;

namespace Zonal.Hosting;

/// <summary>The policy rules in force, read once from the configured policy file (or Designate's defaults), for the API (context modifiers) and central (every action).</summary>
public static class PolicyRegistration
{
    public static void AddPolicy(this IServiceCollection services)
    {
        services.TryAddSingleton(s => Rules(s.GetRequiredService<IOptions<ZonalOptions>>().Value));
    }

    private static PolicyRules Rules(ZonalOptions options)
    {
        var file = options.OsloPolicy.PolicyFile ?? options.Central.PolicyFile;
        return string.IsNullOrWhiteSpace(file) ? new PolicyRules() : PolicyRules.Load(file);
    }
}
