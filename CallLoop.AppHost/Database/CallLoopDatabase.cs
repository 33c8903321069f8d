namespace CallLoop.AppHost.Database;

/// <summary>
/// The PostgreSQL server (what to wait for) and the two connections into its CallLoop database: the silos' role, which
/// owns the database, and the Orleans clients' role, which reads the membership table only.
/// </summary>
internal sealed record CallLoopDatabase(
    IResourceBuilder<IResource> Server,
    IResourceBuilder<IResourceWithConnectionString> Silo,
    IResourceBuilder<IResourceWithConnectionString> Client);
