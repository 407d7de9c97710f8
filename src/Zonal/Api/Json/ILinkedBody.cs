namespace Zonal.Api.Json;

/// <summary>A rendered resource whose <c>self</c> link is also the Location of its create response.</summary>
public interface ILinkedBody
{
    Dictionary<string, string> Links { get; }
}
