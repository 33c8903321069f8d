namespace CallLoop.Console.SignIn;

/// <summary>
/// Production sign-in (section <c>CallLoop:Console:Oidc</c>): the identity provider's authority, this client's id and
/// secret, and the claim that carries the API roles. The provider's access token is what the console sends to the API.
/// </summary>
public sealed class OidcSettings
{
    public const string Section = "CallLoop:Console:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string RoleClaim { get; set; } = "role";

    /// <summary>Scopes asked for beside openid and profile (e.g. the API's scope).</summary>
    public string[] Scopes { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}
