using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Zonal.Domain;
using Zonal.Messaging;

namespace Zonal.Service.Tests.Messaging;

public sealed class InProcessBusTests
{
    public sealed record Double(int Value) : ICall<int>;

    public sealed record Fail(string Reason) : ICall<int>;

    public sealed record Note(string Text) : ICast;

    public sealed class Handlers(Notes notes) : ICallHandler<Double, int>, ICallHandler<Fail, int>, ICastHandler<Note>
    {
        public Task<int> HandleAsync(Double call, CancellationToken ct) => Task.FromResult(call.Value * 2);

        public Task<int> HandleAsync(Fail call, CancellationToken ct) => throw ServiceError.BadRequest(call.Reason);

        public Task HandleAsync(Note cast, CancellationToken ct)
        {
            if (cast.Text == "boom")
            {
                throw new InvalidOperationException("handler failed");
            }

            notes.Seen.Add(cast.Text);
            notes.Arrived.Release();
            return Task.CompletedTask;
        }
    }

    public sealed class Notes
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Seen { get; } = [];

        public SemaphoreSlim Arrived { get; } = new(0);
    }

    private static (IMessageBus Bus, Notes Notes) Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Notes>();
        services.AddScoped<Handlers>();
        services.AddScoped<ICallHandler<Double, int>>(s => s.GetRequiredService<Handlers>());
        services.AddScoped<ICallHandler<Fail, int>>(s => s.GetRequiredService<Handlers>());
        services.AddScoped<ICastHandler<Note>>(s => s.GetRequiredService<Handlers>());
        var provider = services.BuildServiceProvider();
        var bus = new InProcessBus(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<InProcessBus>.Instance);
        return (bus, provider.GetRequiredService<Notes>());
    }

    [Fact]
    public async Task A_call_reaches_its_handler_and_returns_its_answer()
    {
        var (bus, _) = Build();
        Assert.Equal(42, await bus.CallAsync(new Double(21)));
    }

    [Fact]
    public async Task A_failing_call_raises_the_handlers_error_at_the_caller()
    {
        var (bus, _) = Build();
        var error = await Assert.ThrowsAsync<ServiceError>(() => bus.CallAsync(new Fail("no")));
        Assert.Equal("bad_request", error.Type);
    }

    [Fact]
    public async Task Casts_are_delivered_in_the_background_and_a_failing_one_never_reaches_the_sender()
    {
        var (bus, notes) = Build();
        await bus.CastAsync(new Note("boom"));
        await bus.CastAsync(new Note("hello"));
        Assert.True(await notes.Arrived.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["hello"], notes.Seen);
    }
}
