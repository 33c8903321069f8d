namespace CallLoop.Silo.GrainAccess;

/// <summary>A client proven by its certificate: the common name (the actor on events) and the roles (its OUs).</summary>
public sealed record CallerIdentity(string Name, IReadOnlyList<string> Roles);
