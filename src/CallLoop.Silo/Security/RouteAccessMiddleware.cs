using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CallLoop.Silo.Security;

/// <summary>Enforces <see cref="AccessRules"/> on every /api endpoint: 401 without a valid token, 403 without a permitted role.</summary>
internal sealed class RouteAccessMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (template is null || !template.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "A bearer token is required.");
            return;
        }

        var allowed = AccessRules.RolesFor(context.Request.Method, template);
        if (!allowed.Any(context.User.IsInRole))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "The token's roles do not permit this route.");
            return;
        }

        await next(context);
    }

    private async Task RefuseAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }
}
