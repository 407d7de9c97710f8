using Microsoft.Extensions.Logging;

namespace Zonal.Tests.Nameserver;

/// <summary>Counts what a component logs at Error or worse, keeping the first message, so a test can prove nothing failed inside.</summary>
internal sealed class ErrorCountingLogger : ILogger
{
    private int _errors;

    public int Errors => Volatile.Read(ref _errors);

    public string? FirstError { get; private set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel < LogLevel.Error)
        {
            return;
        }

        if (Interlocked.Increment(ref _errors) == 1)
        {
            FirstError = $"{formatter(state, exception)} {exception}";
        }
    }
}
