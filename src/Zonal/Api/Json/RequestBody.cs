using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Zonal.Domain;

namespace Zonal.Api.Json;

/// <summary>
/// A request's JSON object, read under Designate's rules: JSON content types only (415), a body
/// present (empty_request_body), parsable (invalid_json), an object; unknown keys rejected.
/// </summary>
public sealed class RequestBody
{
    private readonly JsonElement _root;
    private readonly string _resource;

    private RequestBody(JsonElement root, string resource)
    {
        _root = root;
        _resource = resource;
    }

    public static async Task<RequestBody> ReadAsync(HttpRequest request, string resource, IReadOnlySet<string> allowed)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/json" or "application/json-patch+json"))
        {
            throw new ServiceError(415, "unsupported_content_type", $"Unsupported Content-Type '{request.ContentType}'. Supported: application/json");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            throw new ServiceError(400, "empty_request_body", "Request Body is empty");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ServiceError(400, "invalid_json", "Invalid JSON");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ServiceError.Schema(new FieldError([], $"The request body must be a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}", "type", "object"));
        }

        var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !allowed.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw ServiceError.InvalidObject($"Provided object does not match schema. Keys [{string.Join(", ", unknown.Select(k => $"'{k}'"))}] are not valid for {resource}");
        }

        return new RequestBody(root, resource);
    }

    /// <summary>Like <see cref="ReadAsync"/>, but a request without a body reads as an empty object.</summary>
    public static Task<RequestBody> ReadOptionalAsync(HttpRequest request, string resource, IReadOnlySet<string> allowed) =>
        request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding"))
            ? Task.FromResult(new RequestBody(JsonDocument.Parse("{}").RootElement.Clone(), resource))
            : ReadAsync(request, resource, allowed);

    public bool Has(string name) => _root.TryGetProperty(name, out _);

    public string RequiredString(string name) =>
        Has(name) ? String(name) ?? throw TypeError(name, "string") : throw Required(name);

    /// <summary>A string field; JSON null reads as null, any other non-string is a type error.</summary>
    public string? String(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw TypeError(name, "string");
    }

    /// <summary>An integer 0..2147483647 (Designate's TTL range); null reads as null.</summary>
    public int? Integer(string name) => Integer(name, 0);

    /// <summary>An integer minimum..2147483647; null reads as null.</summary>
    public int? Integer(string name, int minimum)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw TypeError(name, "integer");
        }

        if (number < minimum || number > int.MaxValue)
        {
            throw ServiceError.Schema(new FieldError([name], $"{number} is out of range {minimum}..{int.MaxValue}", number < minimum ? "minimum" : "maximum", number < minimum ? minimum : int.MaxValue));
        }

        return (int)number;
    }

    public IReadOnlyList<string> StringList(string name)
    {
        if (!_root.TryGetProperty(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw TypeError(name, "array");
        }

        var items = new List<string>();
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw ServiceError.Schema(new FieldError([name, i], $"{item.GetRawText()} is not of type 'string'", "type", "string"));
            }

            items.Add(item.GetString()!);
            i++;
        }

        return items;
    }

    public IReadOnlyDictionary<string, string> StringMap(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return new Dictionary<string, string>();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw TypeError(name, "object");
        }

        var map = new Dictionary<string, string>();
        foreach (var property in value.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw ServiceError.Schema(new FieldError([name, property.Name], $"{property.Value.GetRawText()} is not of type 'string'", "type", "string"));
        }

        return map;
    }

    /// <summary>Keys that may be sent back unchanged but never altered (immutable or read-only).</summary>
    public void RejectChanged(IReadOnlyDictionary<string, string?> current)
    {
        foreach (var property in _root.EnumerateObject())
        {
            if (current.TryGetValue(property.Name, out var existing)
                && !(property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == existing
                    || property.Value.ValueKind == JsonValueKind.Null && existing is null))
            {
                throw ServiceError.InvalidObject($"Provided object does not match schema. Keys ['{property.Name}'] are not valid for {_resource}");
            }
        }
    }

    private static ServiceError Required(string name) =>
        ServiceError.Schema(new FieldError([name], $"'{name}' is a required property", "required", new[] { name }));

    private ServiceError TypeError(string name, string type) =>
        ServiceError.Schema(new FieldError([name], $"{_root.GetProperty(name).GetRawText()} is not of type '{type}'", "type", type));
}
