using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallLoop.Silo.Http;

/// <summary>
/// Bodies are read with <see cref="System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow"/>: a misspelt
/// member (<c>recievedAt</c>) would otherwise be dropped in silence and its field defaulted (a deadline moved).
/// This finds the member's name (its path, e.g. <c>agent.proofOfAuthorisation</c>) for the 400.
/// </summary>
internal static partial class UnknownJsonMember
{
    public static string Detail(string member) =>
        $"Field '{member}' is not a member of this command's body; check its spelling.";

    public static string? NameIn(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonException json && UnmappedMessage().Match(json.Message) is { Success: true } match)
            {
                return FieldPath(json.Path, match.Groups["name"].Value);
            }
        }

        return null;
    }

    /// <summary>The JSON path of the object holding the member, then the member: <c>$.agent</c> + <c>nme</c> is <c>agent.nme</c>.</summary>
    private static string FieldPath(string? path, string member)
    {
        var parent = (path ?? "$").TrimStart('$').TrimStart('.');
        if (parent.EndsWith(member, StringComparison.Ordinal))
        {
            return parent;
        }

        return parent.Length == 0 ? member : $"{parent}.{member}";
    }

    [GeneratedRegex(@"^The JSON property '(?<name>.*?)' could not be mapped to any \.NET member", RegexOptions.Singleline)]
    private static partial Regex UnmappedMessage();
}
