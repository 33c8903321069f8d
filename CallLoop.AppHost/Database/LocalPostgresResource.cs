namespace CallLoop.AppHost.Database;

/// <summary>The machine's PostgreSQL binaries in a private data folder, run in the foreground so the AppHost owns its lifetime.</summary>
internal sealed class LocalPostgresResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory)
{
    /// <summary>The superuser, for the AppHost's own readiness check only.</summary>
    public string AdminConnectionString { get; } = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";

    /// <summary>A role's connection (no password: the local cluster trusts 127.0.0.1).</summary>
    public string ConnectionStringFor(string role, string database) => $"Host=127.0.0.1;Port={port};Username={role};Database={database}";
}
