using System.Diagnostics;
using System.Net.Http.Json;
using CallLoop.Integration.Tests.Http;
using CallLoop.Integration.Tests.Infrastructure;
using CallLoop.Orleans.PostgreSql;
using CallLoop.Silo.Analytics;
using CallLoop.Testing;
using Npgsql;

namespace CallLoop.Integration.Tests.Hosting;

/// <summary>
/// The database's least-privilege roles, made by scripts/postgres-init/database-roles.psql as the AppHost makes them:
/// the silo runs as callloop_silo (no superuser), an Orleans client as callloop_client reads the gateways and nothing
/// else, and callloop_analyst reads the analytics views only.
/// </summary>
public sealed class DatabaseRolesTests
{
    [Fact]
    public async Task Given_the_roles_script_Then_the_silo_works_as_its_role_the_client_reads_only_membership_and_the_analyst_only_the_views()
    {
        var admin = await TestDatabases.CreateAsync("roles");
        RunRolesScript(admin);
        await using var silo = new SiloAs(As(admin, "callloop_silo"));
        await ((IAsyncLifetime)silo).InitializeAsync();
        var http = silo.CreateClient();
        var subjectId = Api.NewSubjectId();
        await http.PutAsJsonAsync($"/api/subjects/{subjectId}", new { jurisdiction = "CA", email = $"{subjectId}@example.com" }).JsonAsync();
        await http.GetAsync($"/api/subjects/{subjectId}").JsonAsync();

        await using (var connection = await OpenAsync(admin))
        {
            Assert.Equal("callloop_silo", await ScalarAsync<string>(connection, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"));
            Assert.Equal("callloop_silo", await ScalarAsync<string>(connection, "select tableowner from pg_tables where schemaname = 'privacy' and tablename = 'mt_events'"));
            Assert.False(await ScalarAsync<bool>(connection, "select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = 'callloop_silo'"));
            Assert.False(await ScalarAsync<bool>(connection, "select rolsuper or rolcreaterole or rolcreatedb or rolcanlogin from pg_roles where rolname = 'callloop_analyst'"));
        }

        // The client: what Orleans' gateway list provider reads (its query, then the live gateways), nothing more.
        await using (var client = await OpenAsync(As(admin, "callloop_client")))
        {
            var gateways = await ScalarAsync<string>(client, "select querytext from orleansquery where querykey = 'GatewaysQueryKey'");
            Assert.Contains("OrleansMembershipTable", gateways, StringComparison.OrdinalIgnoreCase);
            Assert.True(await ScalarAsync<long>(client, "select count(*) from orleansmembershiptable where status = 3 and proxyport > 0") >= 1);
            foreach (var table in new[]
            {
                "privacy.mt_events", "privacy.mt_streams", "privacy.mt_doc_requestrecord", "orleansstorage", "orleansreminderstable",
                $"{OrleansPostgresSchema.KeyStorageSchema}.orleansstorage", $"{AnalyticsSchema.Schema}.{AnalyticsSchema.Views[0]}",
            })
            {
                await AssertRefusedAsync(client, $"select count(*) from {table}");
            }

            await AssertRefusedAsync(client, "update orleansmembershiptable set status = 6");
            await AssertRefusedAsync(client, "create table public.stash(x text)");
        }

        // The analyst (no login of its own: a person's role is granted it): the views and nothing under them.
        await using (var analyst = await OpenAsync(admin))
        {
            await using (var setRole = new NpgsqlCommand($"set role {AnalyticsSchema.AnalystRole}", analyst))
            {
                await setRole.ExecuteNonQueryAsync();
            }

            foreach (var view in AnalyticsSchema.Views)
            {
                await ScalarAsync<long>(analyst, $"select count(*) from {AnalyticsSchema.Schema}.{view}");
            }

            foreach (var table in new[] { "privacy.mt_events", "orleansmembershiptable", "orleansquery", $"{OrleansPostgresSchema.KeyStorageSchema}.orleansstorage" })
            {
                await AssertRefusedAsync(analyst, $"select count(*) from {table}");
            }
        }
    }

    private static string As(string connectionString, string role) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString;

    /// <summary>The script as the AppHost's local PostgreSQL runs it (scripts/postgres-local.sh roles).</summary>
    private static void RunRolesScript(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(RepositoryRoot.Path, "scripts", "postgres-local.sh"), "roles", PostgresServer.Instance.DataDirectory ?? "-",
            target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), target.Database!,
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "postgres-local.sh roles did not finish");
        Assert.True(process.ExitCode == 0, $"postgres-local.sh roles failed: {error.Result}");
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task AssertRefusedAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState}");
    }

    /// <summary>The silo host on the database as <paramref name="connectionString"/>'s role.</summary>
    private sealed class SiloAs(string connectionString) : SiloApplicationFactory
    {
        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);
    }
}
