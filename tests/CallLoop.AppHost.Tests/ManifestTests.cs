using System.Diagnostics;
using CallLoop.Testing;

namespace CallLoop.AppHost.Tests;

public sealed class ManifestTests
{
    [Fact]
    public async Task Committed_manifest_matches_what_the_AppHost_publishes()
    {
        var committed = Path.Combine(RepositoryRoot.Path, "aspire-manifest.json");
        var actual = Normalize(await PublishAsync());

        Assert.True(File.Exists(committed), "aspire-manifest.json is missing: run `dotnet run --project CallLoop.AppHost --launch-profile manifest`");
        var expected = Normalize(await File.ReadAllTextAsync(committed));
        Assert.True(
            expected == actual,
            "aspire-manifest.json is stale: regenerate it with `dotnet run --project CallLoop.AppHost --launch-profile manifest`.");
    }

    [Fact]
    public async Task Membership_settings_given_to_the_AppHost_reach_every_silo()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(
            await PublishAsync("--CallLoop:Membership:ProbeTimeout=00:00:03", "--CallLoop:Membership:NumMissedProbesLimit=4"));
        var silo = manifest.RootElement.GetProperty("resources").GetProperty("silo").GetProperty("env");

        Assert.Equal("00:00:03", silo.GetProperty("CallLoop__Membership__ProbeTimeout").GetString());
        Assert.Equal("4", silo.GetProperty("CallLoop__Membership__NumMissedProbesLimit").GetString());
    }

    [Theory]
    [InlineData("CallLoop__Auth__SigningKey", "auth-signing-key")]
    [InlineData("CallLoop__PhoneIndexKey", "phone-index-key")]
    [InlineData("CallLoop__Encryption__MasterKeys__primary", "encryption-master-key")]
    [InlineData("CallLoop__Orleans__Tls__CertificateKey", "silo-certificate-key")]
    public void Committed_manifest_asks_for_every_key_as_a_secret_parameter(string variable, string parameter)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "aspire-manifest.json")));
        var resources = manifest.RootElement.GetProperty("resources");

        Assert.Equal($"{{{parameter}.value}}", resources.GetProperty("silo").GetProperty("env").GetProperty(variable).GetString());
        Assert.True(resources.GetProperty(parameter).GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
    }

    /// <summary>The manifest the AppHost publishes with <paramref name="settings"/> on its command line.</summary>
    private static async Task<string> PublishAsync(params string[] settings)
    {
        var root = RepositoryRoot.Path;

        // Same folder as the committed file, so relative project paths come out the same.
        var regenerated = Path.Combine(root, $"aspire-manifest.check-{Guid.NewGuid():N}.json");
        try
        {
            var appHost = Path.Combine(AppContext.BaseDirectory, "CallLoop.AppHost.dll");
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.Combine(root, "CallLoop.AppHost"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { appHost, "--publisher", "manifest", "--output-path", regenerated }.Concat(settings))
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["DOTNET_ENVIRONMENT"] = "Development";
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"manifest publisher failed: {await error}{await output}");
            return await File.ReadAllTextAsync(regenerated);
        }
        finally
        {
            File.Delete(regenerated);
        }
    }

    private static string Normalize(string json) => json.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
