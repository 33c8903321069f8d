namespace CallLoop.Silo.Security;

/// <summary>Which roles may call the routes whose template starts with <see cref="RoutePrefix"/> (segment-wise) for a method.</summary>
public sealed record AccessRule(string Method, string RoutePrefix, params string[] Roles)
{
    public const string AnyMethod = "*";

    public bool Matches(string method, string routeTemplate) =>
        (Method == AnyMethod || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (routeTemplate.Equals(RoutePrefix, StringComparison.OrdinalIgnoreCase)
            || routeTemplate.StartsWith(RoutePrefix + "/", StringComparison.OrdinalIgnoreCase));
}
