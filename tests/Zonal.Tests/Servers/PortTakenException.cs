namespace Zonal.Tests.Servers;

/// <summary>named could not bind the port it was given: someone took it after we found it free.</summary>
public sealed class PortTakenException(string message) : InvalidOperationException(message);
