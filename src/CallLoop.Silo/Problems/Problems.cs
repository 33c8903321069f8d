using CallLoop.Silo.Http;
using Microsoft.AspNetCore.Mvc;

namespace CallLoop.Silo.Problems;

internal static class Problems
{
    public static ProblemDetails InvalidField(string field, string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is invalid.",
        Detail = detail,
        Extensions =
        {
            ["field"] = field,
            ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
        },
    };

    /// <summary>A body member no field of the command has: refused rather than ignored, since ignoring a misspelt one defaults its field.</summary>
    public static ProblemDetails UnknownMember(string member) =>
        InvalidField(member, UnknownJsonMember.Detail(member));
}
