using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 (Kestrel, port chosen by the OS) that records every webhook it is sent and
/// answers as told: healthy (200), failing the first N requests (503) then healthy, or never answering.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly int failuresBeforeSuccess;
    private readonly bool neverAnswers;
    private int requests;

    private WebhookReceiver(WebApplication app, int failuresBeforeSuccess, bool neverAnswers)
    {
        this.app = app;
        this.failuresBeforeSuccess = failuresBeforeSuccess;
        this.neverAnswers = neverAnswers;
    }

    public sealed record Received(IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredWith);

    /// <summary>Where receivers listen, allowed to webhooks by the silos that send to them (loopback is refused by default).</summary>
    public const string Network = "127.0.0.1/32";

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static Task<WebhookReceiver> HealthyAsync() => StartAsync(0, neverAnswers: false);

    public static Task<WebhookReceiver> FailingAsync(int failuresBeforeSuccess) => StartAsync(failuresBeforeSuccess, neverAnswers: false);

    public static Task<WebhookReceiver> SilentAsync() => StartAsync(0, neverAnswers: true);

    private static async Task<WebhookReceiver> StartAsync(int failures, bool neverAnswers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failures, neverAnswers);
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (neverAnswers)
        {
            Requests.Enqueue(new Received(headers, buffer.ToArray(), 0));
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        var status = Interlocked.Increment(ref requests) <= failuresBeforeSuccess ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        Requests.Enqueue(new Received(headers, buffer.ToArray(), status));
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }
}
