using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Zonal.Api.Json;
using Zonal.Domain;

namespace Zonal.Api;

/// <summary>
/// Designate's error body: code, type, message (when there is one), request_id; schema errors add
/// <c>errors</c> nested twice as <c>{"errors": {"errors": [...]}}</c>.
/// </summary>
public static class ErrorBody
{
    public static async Task WriteAsync(HttpContext http, int code, string type, string? message, IReadOnlyList<FieldError>? errors = null)
    {
        var body = new JsonObject { ["code"] = code, ["type"] = type };
        if (message is not null)
        {
            body["message"] = message;
        }

        if (errors is not null)
        {
            var list = new JsonArray();
            foreach (var error in errors)
            {
                list.Add(new JsonObject
                {
                    ["path"] = JsonSerializer.SerializeToNode(error.Path, ApiJson.Options),
                    ["message"] = error.Message,
                    ["validator"] = error.Validator,
                    ["validator_value"] = JsonSerializer.SerializeToNode(error.ValidatorValue, ApiJson.Options),
                });
            }

            body["errors"] = new JsonObject { ["errors"] = list };
        }

        body["request_id"] = RequestIds.Of(http);
        http.Response.StatusCode = code;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    public static Task WriteAsync(HttpContext http, ServiceError error) =>
        WriteAsync(http, error.Code, error.Type, error.Detail, error.Errors);
}
