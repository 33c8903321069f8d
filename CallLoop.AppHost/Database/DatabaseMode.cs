namespace CallLoop.AppHost.Database;

/// <summary>Where the PostgreSQL database comes from (setting <c>CallLoop:Postgres</c>).</summary>
internal enum DatabaseMode
{
    /// <summary>A container where a Docker engine answers, else the local binaries.</summary>
    Auto,

    /// <summary><c>AddPostgres</c>: a container (always what the published manifest describes).</summary>
    Container,

    /// <summary>The machine's PostgreSQL binaries, run by scripts/postgres-local.sh as an executable resource.</summary>
    Local,

    /// <summary>An existing server: <c>ConnectionStrings:calloopdb</c>.</summary>
    ConnectionString,
}
