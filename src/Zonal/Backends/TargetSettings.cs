using System.Globalization;

namespace Zonal.Backends;

/// <summary>A target's <c>options</c> map from pools.yaml, read with Designate's option names and defaults.</summary>
public sealed class TargetSettings(IReadOnlyDictionary<string, string> options, string target)
{
    /// <summary>Names the target in error messages, e.g. "bind9 target 127.0.0.1:953".</summary>
    public string Target { get; } = target;

    public string? Get(string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    public string Require(string name) =>
        Get(name) ?? throw new BackendException($"{Target}: option '{name}' is required");

    public int GetInt(string name, int fallback) =>
        Get(name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new BackendException($"{Target}: option '{name}' must be an integer, not '{text}'");

    /// <summary>True for Python's and YAML's spellings of true (True, true, yes, 1, on).</summary>
    public bool GetBool(string name, bool fallback) =>
        Get(name)?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "yes" or "1" or "on" => true,
            "false" or "no" or "0" or "off" => false,
            var text => throw new BackendException($"{Target}: option '{name}' must be true or false, not '{text}'"),
        };

    /// <summary>A timeout in seconds where 0 or unset means "none" (rndc_timeout's rule); here a generous cap.</summary>
    public TimeSpan GetTimeout(string name, TimeSpan none)
    {
        var seconds = GetInt(name, 0);
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : none;
    }
}
