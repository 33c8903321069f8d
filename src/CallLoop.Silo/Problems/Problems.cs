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
}
