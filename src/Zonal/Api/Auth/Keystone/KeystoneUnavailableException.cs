namespace Zonal.Api.Auth.Keystone;

/// <summary>Keystone could not say whether a token is valid (unreachable, timed out, or answered unexpectedly): a 503, never a 401.</summary>
public sealed class KeystoneUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
