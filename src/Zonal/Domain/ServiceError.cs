namespace Zonal.Domain;

/// <summary>
/// A failure the caller can act on, carried unchanged from central to the API: the HTTP code and
/// Designate's error type travel with it so every component reports errors the same way.
/// </summary>
public sealed class ServiceError : Exception
{
    public ServiceError(int code, string type, string? message, IReadOnlyList<FieldError>? errors = null)
        : base(message ?? type)
    {
        Code = code;
        Type = type;
        Detail = message;
        Errors = errors;
    }

    public int Code { get; }

    public string Type { get; }

    /// <summary>The message shown to the caller; null when Designate sends none.</summary>
    public string? Detail { get; }

    public IReadOnlyList<FieldError>? Errors { get; }

    public static ServiceError BadRequest(string message) => new(400, "bad_request", message);

    public static ServiceError InvalidObject(string message) => new(400, "invalid_object", message);

    /// <summary>Designate's schema failure: its fixed message, which clients such as the openstack CLI print, and the field errors.</summary>
    public static ServiceError Schema(params FieldError[] errors) => new(400, "invalid_object", "Provided object does not match schema", errors);

    public static ServiceError Forbidden(string message = "Forbidden") => new(403, "forbidden", message);

    public static ServiceError NotFound(string type, string message) => new(404, type, message);

    public static ServiceError Duplicate(string type, string message) => new(409, type, message);
}

/// <summary>One schema violation: where (path of field names and indices), what, and which rule.</summary>
public sealed record FieldError(IReadOnlyList<object> Path, string Message, string Validator, object? ValidatorValue = null);
