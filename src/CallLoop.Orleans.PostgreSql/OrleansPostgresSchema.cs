using System.Reflection;
using Npgsql;

namespace CallLoop.Orleans.PostgreSql;

/// <summary>
/// Installs (or upgrades) the PostgreSQL schema and the <c>OrleansQuery</c> rows that Orleans' ADO.NET
/// providers read at start-up: clustering (Microsoft.Orleans.Clustering.AdoNet), grain persistence
/// (Microsoft.Orleans.Persistence.AdoNet), reminders (Microsoft.Orleans.Reminders.AdoNet) and streams
/// (Microsoft.Orleans.Streaming.AdoNet), all with
/// invariant <c>"Npgsql"</c>.
/// </summary>
/// <remarks>
/// The scripts are idempotent (<c>CREATE ... IF NOT EXISTS</c>, <c>CREATE OR REPLACE FUNCTION</c>, query rows
/// upserted by key), so every silo may call <see cref="ApplyAsync(NpgsqlDataSource, CancellationToken)"/> on
/// start: all scripts run in one transaction behind a transaction-scoped advisory lock, so silos starting
/// together apply them one after the other and a failure leaves nothing half-installed.
/// Objects are created unqualified, i.e. in the first schema of the connection's search path (normally
/// <c>public</c>); Orleans resolves its unqualified queries the same way, so use the same connection settings for both.
/// </remarks>
public static class OrleansPostgresSchema
{
    /// <summary>Key of the transaction-scoped advisory lock taken while the scripts run ("OrleansP" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x4F72_6C65_616E_7350;

    /// <summary>
    /// A schema of its own holding a second copy of the grain-storage tables and queries, for the subjects' data keys:
    /// a provider whose connection's search path is this schema keeps its state apart from everything else.
    /// </summary>
    public const string KeyStorageSchema = "callloop_keys";

    /// <summary>
    /// The Orleans clients' database role (scripts/postgres-init/database-roles.psql): where it exists, it may read the
    /// query catalogue and the membership table, which is all a client's gateway list provider reads, and nothing else.
    /// </summary>
    public const string ClientRole = "callloop_client";

    private const string ResourceSuffix = ".sql";

    private static readonly string ClientGrantsSql = $"""
        DO $$
        BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{ClientRole}') THEN
                GRANT SELECT ON OrleansQuery, OrleansMembershipTable TO {ClientRole};
            END IF;
        END $$;
        """;

    /// <summary>The scripts a grain-storage-only schema needs: the query catalogue and persistence.</summary>
    private static readonly string[] GrainStorageScripts = ["01-Main.sql", "03-Persistence.sql"];

    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> EmbeddedScripts = new(LoadScripts);

    /// <summary>The embedded script names, in the order they are applied.</summary>
    public static IReadOnlyList<string> ScriptNames => EmbeddedScripts.Value.Select(s => s.Name).ToArray();

    /// <summary>Applies all scripts in order, in one transaction, under <see cref="AdvisoryLockKey"/>.</summary>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", AdvisoryLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (name, text) in EmbeddedScripts.Value)
        {
            await RunAsync(name, text, connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await RunAsync("client-role-grants", ClientGrantsSql, connection, transaction, cancellationToken).ConfigureAwait(false);

        // The same unqualified scripts, run with the key schema first on the search path, create its own copies.
        await RunAsync("key-storage-schema", $"CREATE SCHEMA IF NOT EXISTS {KeyStorageSchema}; SET LOCAL search_path TO {KeyStorageSchema};", connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var (name, text) in EmbeddedScripts.Value.Where(s => GrainStorageScripts.Any(g => s.Name.EndsWith(g, StringComparison.Ordinal))))
        {
            await RunAsync(name, text, connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task RunAsync(string name, string text, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(text, connection, transaction);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception)
        {
            throw new InvalidOperationException($"Orleans PostgreSQL script '{name}' failed: {exception.MessageText}", exception);
        }
    }

    /// <summary>Convenience overload: builds a short-lived data source for <paramref name="connectionString"/>.</summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await ApplyAsync(dataSource, cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<(string Name, string Text)> LoadScripts()
    {
        var assembly = typeof(OrleansPostgresSchema).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(ResourceSuffix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => (Name: n, Text: Read(assembly, n)))
            .ToArray();
        if (scripts.Length == 0)
        {
            throw new InvalidOperationException($"No embedded *.sql scripts found in {assembly.GetName().Name}.");
        }

        return scripts;
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded script '{resourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
