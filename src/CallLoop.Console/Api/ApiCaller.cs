using System.Security.Claims;
using CallLoop.Console.SignIn;
using Microsoft.AspNetCore.Components.Authorization;

namespace CallLoop.Console.Api;

/// <summary>
/// Who the console calls the API as: the signed-in person, read from the circuit's authentication state, or from
/// <see cref="Principal"/> when a plain HTTP endpoint (a CSV download) sets it from its request.
/// </summary>
public sealed class ApiCaller(IServiceProvider services)
{
    public ClaimsPrincipal? Principal { get; set; }

    public async Task<string?> TokenAsync()
    {
        var principal = Principal;
        if (principal is null && services.GetService<AuthenticationStateProvider>() is { } state)
        {
            principal = (await state.GetAuthenticationStateAsync()).User;
        }

        return principal?.FindFirst(ConsoleClaims.ApiToken)?.Value;
    }
}
