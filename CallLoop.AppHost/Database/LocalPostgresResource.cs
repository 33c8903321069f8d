namespace CallLoop.AppHost.Database;

/// <summary>The machine's PostgreSQL binaries in a private data folder, run in the foreground so the AppHost owns its lifetime.</summary>
internal sealed class LocalPostgresResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public string AdminConnectionString { get; } = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={port.ToString(System.Globalization.CultureInfo.InvariantCulture)};Username=postgres;Database={Name}");
}
