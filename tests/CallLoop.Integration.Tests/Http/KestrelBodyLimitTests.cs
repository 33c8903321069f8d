using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using CallLoop.Integration.Tests.Faults;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Silo.Hosting;
using CallLoop.Silo.Security;
using Xunit.Abstractions;

namespace CallLoop.Integration.Tests.Http;

/// <summary>
/// The body limit over the real server: the silo host as a process of its own, listening with Kestrel on a loopback
/// port (the in-process TestServer of the other HTTP tests reads every body whole before the app sees it).
/// </summary>
public sealed class KestrelBodyLimitTests(ITestOutputHelper output)
{
    private const int Body = 64 * 1024 * 1024;
    private const int Chunk = 64 * 1024;

    [Fact]
    public async Task Given_a_64_MiB_chunked_body_sent_slowly_Then_413_arrives_long_before_it_is_sent_and_the_server_does_not_grow_by_it()
    {
        await using var silo = await SiloProcess.StartAsync(
            await TestDatabases.CreateAsync("kestrel"),
            new Dictionary<string, string>
            {
                [SiloHostingExtensions.PublicationEnabledKey] = "false",
                [SiloHostingExtensions.DaemonEnabledKey] = "false",
            });

        // The first refusal loads and compiles the path; only the second is measured.
        Assert.Equal(413, (await SendChunkedAsync(silo.Address, 2 * 1024 * 1024)).Status);
        var peakBefore = PeakResidentBytes(silo.ProcessId);
        var clock = Stopwatch.StartNew();

        var answer = await SendChunkedAsync(silo.Address, Body);

        var grew = PeakResidentBytes(silo.ProcessId) - peakBefore;
        output.WriteLine($"413 after {answer.SentWhenAnswered / 1024} KiB of {Body / 1024} KiB sent, {clock.ElapsedMilliseconds} ms; peak resident memory grew {grew / 1024} KiB");
        Assert.Equal(413, answer.Status);
        Assert.True(answer.SentWhenAnswered < Body / 4, $"answered only after {answer.SentWhenAnswered} bytes of {Body}");
        Assert.True(grew < Body / 2, $"the server's peak resident memory grew by {grew} bytes");
    }

    /// <summary>
    /// Sends a chunked POST of up to <paramref name="length"/> bytes at about 50 MiB/s on a raw connection, reading the
    /// answer meanwhile; stops sending once the status line has arrived (or the server closed the connection).
    /// </summary>
    private static async Task<(int Status, long SentWhenAnswered)> SendChunkedAsync(Uri address, int length)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var token = SiloApplicationFactory.TokenFor("test-suite", [.. Roles.All]);
        var head = $"POST /api/subjects/kestrel-body/opt-outs HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        long sent = 0;
        var answered = new TaskCompletionSource<(int, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            var text = new StringBuilder();
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    text.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    var line = text.ToString();
                    if (line.Contains("\r\n", StringComparison.Ordinal))
                    {
                        answered.TrySetResult((int.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture), Interlocked.Read(ref sent)));
                        return;
                    }
                }
            }
            catch (IOException error)
            {
                answered.TrySetException(new IOException($"The connection failed after {Interlocked.Read(ref sent)} bytes sent, before an answer.", error));
                return;
            }

            answered.TrySetException(new IOException($"The server closed the connection after {Interlocked.Read(ref sent)} bytes sent, without an answer."));
        });

        var data = Encoding.ASCII.GetBytes($"{Chunk:x}\r\n" + "{\"scope\":\"" + new string('s', Chunk - 10) + "\r\n");
        try
        {
            for (var offset = 0; offset < length && !answered.Task.IsCompleted; offset += Chunk)
            {
                await stream.WriteAsync(data);
                Interlocked.Add(ref sent, Chunk);
                if (offset % (256 * 1024) == 0)
                {
                    await Task.Delay(5);
                }
            }

            if (!answered.Task.IsCompleted)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("0\r\n\r\n"));
            }
        }
        catch (IOException)
        {
            // The server answered and closed the connection while the client was still sending.
        }

        var answer = await answered.Task.WaitAsync(Patience.Long);
        await reading;
        return answer;
    }

    /// <summary>The process's peak resident set size so far (VmHWM), which no later release of memory lowers.</summary>
    private static long PeakResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
