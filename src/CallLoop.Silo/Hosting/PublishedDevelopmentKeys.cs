using System.Security.Cryptography;

namespace CallLoop.Silo.Hosting;

/// <summary>
/// The keys Development falls back to, published on purpose in this repository so that a fresh clone and the tests
/// start without a secret store. They protect nothing: outside Development a setting holding any of them (whichever
/// setting it was meant for) stops the host, as a missing key does.
/// </summary>
public static class PublishedDevelopmentKeys
{
    public const string BearerTokenSigningKey = "Q2FsbExvb3AuQWN0b3JzIGxvY2FsIGRldmVsb3BtZW50IGtleSAtIG5vdCBhIHNlY3JldA==";

    public const string MasterKey = "Y2FsbGxvb3AtZGV2LW1hc3Rlci1rZXktMDAwMDAwMDA=";

    public const string PhoneIndexKey = "Y2FsbGxvb3AtZGV2ZWxvcG1lbnQtcGhvbmUtaW5kZXgta2V5LTAwMDAwMDAwMDA=";

    private static readonly byte[][] All = [.. new[] { BearerTokenSigningKey, MasterKey, PhoneIndexKey }.Select(Convert.FromBase64String)];

    /// <summary>True when <paramref name="base64"/> decodes to one of the published keys.</summary>
    public static bool Contains(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written)
            && All.Any(key => CryptographicOperations.FixedTimeEquals(key, buffer.AsSpan(0, written)));
    }

    /// <summary>Why <paramref name="setting"/> may not hold <paramref name="base64"/> here, or null when it may.</summary>
    public static string? Problem(string setting, string? base64, IHostEnvironment environment) =>
        !environment.IsDevelopment() && Contains(base64) ? Refusal(setting) : null;

    public static string Refusal(string setting) =>
        $"{setting} holds a development key published with the source code; outside Development configure a key of your own.";
}
