namespace CallLoop.Contracts.Access;

/// <summary>
/// A client of the cluster called what its certificate's roles do not allow, or what only the cluster's own grains
/// may call (keys, deliveries, deadlines, retention, internal commands). Nothing ran. The message names the grain
/// interface, the method and the rule, never arguments.
/// </summary>
[GenerateSerializer, Alias("callloop.call-refused-exception")]
public sealed class CallRefusedException : Exception
{
    /// <summary>Only grains of the cluster may make this call.</summary>
    public const string InternalOnly = "internal-only";

    /// <summary>The caller presented no valid certificate identity.</summary>
    public const string NoIdentity = "client-identity-required";

    /// <summary>The caller's certificate lacks every role the call admits.</summary>
    public const string RoleRequired = "role-required";

    public CallRefusedException()
    {
    }

    public CallRefusedException(string rule, string call, IReadOnlyList<string> roles)
        : base(roles.Count == 0 ? $"{call} refused: {rule}." : $"{call} refused: {rule} ({string.Join(", ", roles)}).")
    {
        Rule = rule;
        Call = call;
        Roles = [.. roles];
    }

    /// <summary><see cref="InternalOnly"/>, <see cref="NoIdentity"/> or <see cref="RoleRequired"/>.</summary>
    [Id(0)]
    public string Rule { get; set; } = string.Empty;

    /// <summary>Interface and method (or command) refused, e.g. <c>ISubjectKeyGrain.DestroyAsync</c>.</summary>
    [Id(1)]
    public string Call { get; set; } = string.Empty;

    /// <summary>The roles that would have been admitted (none when <see cref="Rule"/> is <see cref="InternalOnly"/>).</summary>
    [Id(2)]
    public IReadOnlyList<string> Roles { get; set; } = [];
}
