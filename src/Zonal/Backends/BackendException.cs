namespace Zonal.Backends;

/// <summary>A backend could not do what was asked; the message names the target and what it answered.</summary>
public sealed class BackendException(string message, Exception? inner = null) : Exception(message, inner);
