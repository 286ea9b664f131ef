using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAdapters.Testing;

/// <summary>
/// A <see cref="WebApplication"/> on real Kestrel at 127.0.0.1 with an OS-chosen port (tests never reach the internet and
/// never collide on ports), started, with the address it actually bound read back.
/// </summary>
public sealed class LoopbackWebApp : IAsyncDisposable
{
    private LoopbackWebApp(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A slim builder with no log output, listening on 127.0.0.1 port 0; callers add services and settings.</summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        return builder;
    }

    /// <summary>Builds <paramref name="builder"/>, lets <paramref name="map"/> add middleware and routes, and starts it.</summary>
    public static async Task<LoopbackWebApp> StartAsync(WebApplicationBuilder builder, Action<WebApplication> map)
    {
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackWebApp(app, new Uri(address));
    }

    public static Task<LoopbackWebApp> StartAsync(Action<WebApplication> map) => StartAsync(CreateBuilder(), map);

    /// <summary>The request body as text.</summary>
    public static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>
/// A loopback server that records what arrives (requests, connections) for the test to take one at a time, in order.
/// The platform stand-ins (webhooks, response_url hooks, REST API, gateway) differ only in their routes and in what
/// they record.
/// </summary>
public sealed class LoopbackHttpRecorder<T> : IAsyncDisposable
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();
    private readonly TimeSpan _patience;
    private LoopbackWebApp _server = null!;
    private int _count;

    private LoopbackHttpRecorder(TimeSpan patience) => _patience = patience;

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>How many items were recorded so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Starts the server; <paramref name="map"/> sets up its routes and calls <see cref="Record"/> from them.
    /// <paramref name="patience"/> caps every wait so a broken build fails instead of hanging; it is not a timing assertion.
    /// </summary>
    public static async Task<LoopbackHttpRecorder<T>> StartAsync(TimeSpan patience, Action<WebApplication, LoopbackHttpRecorder<T>> map)
    {
        var recorder = new LoopbackHttpRecorder<T>(patience);
        recorder._server = await LoopbackWebApp.StartAsync(app => map(app, recorder));
        return recorder;
    }

    /// <summary>Records <paramref name="item"/> and returns its 0-based arrival number.</summary>
    public int Record(T item)
    {
        var index = Interlocked.Increment(ref _count) - 1;

        // Unbounded, so writing always succeeds at once.
        _items.Writer.TryWrite(item);
        return index;
    }

    public async Task<T> NextAsync()
    {
        using var cts = new CancellationTokenSource(_patience);
        return await _items.Reader.ReadAsync(cts.Token);
    }

    public bool TryTake(out T? item) => _items.Reader.TryRead(out item);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
