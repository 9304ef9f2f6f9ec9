using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KimiPS.Emulator.Server;

/// <summary>Builds and starts Kestrel on a loopback address for one emulator instance.</summary>
internal static class EmulatorHost
{
    public const string DefaultUrls = "http://127.0.0.1:0";

    public static async Task<(WebApplication App, Uri Root)> StartAsync(EmulatorState state, string? urls)
    {
        var (address, port) = ParseLoopback(urls ?? DefaultUrls);
        // No args and no logging: the standalone mode's stdout must carry only the base-URI line.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        // Tests start many instances in one process; none of them should hook Ctrl+C or process exit.
        builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Uploads up to (and past) Kimi's 100 MB limit must reach the endpoint to be refused there.
            kestrel.Limits.MaxRequestBodySize = null;
            // Slow clients and stalls are what the tests are about; Kestrel must not time them out.
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Listen(address, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                // Connection middleware runs once per TCP connection: this is what shows pooling works.
                listen.Use(next => connection =>
                {
                    state.Counters.OnConnection();
                    var transport = new CuttableTransport(connection.Transport);
                    connection.Transport = transport;
                    connection.Items[CuttableTransport.ItemKey] = transport;
                    return next(connection);
                });
            });
        });

        var app = builder.Build();
        var pipeline = new RequestPipeline(state, app.Lifetime.ApplicationStopping);
        app.Run(pipeline.InvokeAsync);
        await app.StartAsync().ConfigureAwait(false);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(bound.TrimEnd('/') + "/"));
    }

    /// <summary>Only loopback: an emulator that accepts any key must never be reachable from the network.</summary>
    private static (IPAddress Address, int Port) ParseLoopback(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DefaultUrls;
        if (!Uri.TryCreate(first, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            throw new ArgumentException($"Urls must be an http:// loopback address such as {DefaultUrls}; got '{first}'.", nameof(urls));
        var address = uri.Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed
            : throw new ArgumentException($"Urls must name a loopback IP address; got '{uri.Host}'.", nameof(urls));
        if (!IPAddress.IsLoopback(address))
            throw new ArgumentException($"The emulator listens on loopback only; '{uri.Host}' is not loopback.", nameof(urls));
        return (address, uri.Port);
    }

    private sealed class NoConsoleLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
