namespace Zonal.DnsClient;

/// <summary>A server could not be asked or gave an answer we cannot use; the message names the server and zone.</summary>
public sealed class TransferException(string message, Exception? inner = null) : Exception(message, inner);
