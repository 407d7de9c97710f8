namespace Zonal.Nameserver;

/// <summary>A master could not be asked or gave an answer we cannot use; the message names the master and zone.</summary>
public sealed class TransferException(string message, Exception? inner = null) : Exception(message, inner);
