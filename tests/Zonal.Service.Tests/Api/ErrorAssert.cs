using System.Text.Json;
using Zonal.Service.Tests.Infrastructure;

namespace Zonal.Service.Tests.Api;

/// <summary>Checks a Designate error body: code, type, request id, message or schema errors.</summary>
public static class ErrorAssert
{
    public static JsonElement Is(ApiResponse response, int code, string type)
    {
        Assert.True(response.Code == code, $"expected {code} {type}, got {response}");
        var body = response.Json;
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.Equal(type, body.GetProperty("type").GetString());
        Assert.StartsWith("req-", body.GetProperty("request_id").GetString());
        Assert.Equal(response.RequestId, body.GetProperty("request_id").GetString());
        return body;
    }

    /// <summary>A schema error: Designate's fixed message, errors nested twice, the first naming the field path and validator.</summary>
    public static void IsSchemaError(ApiResponse response, string validator, params object[] path)
    {
        var body = Is(response, 400, "invalid_object");
        Assert.Equal("Provided object does not match schema", body.GetProperty("message").GetString());
        var first = body.GetProperty("errors").GetProperty("errors")[0];
        Assert.Equal(validator, first.GetProperty("validator").GetString());
        var actual = first.GetProperty("path").EnumerateArray()
            .Select(p => p.ValueKind == JsonValueKind.Number ? (object)p.GetInt32() : p.GetString()!).ToArray();
        Assert.Equal(path, actual);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("message").GetString()));
    }
}
