using System.Security.Claims;
using Bunit;
using CallLoop.Console.Api;
using CallLoop.Console.SignIn;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CallLoop.Console.Tests.Components;

/// <summary>
/// A component test context signed in as the console's own sign-in would (the same principal, real authorization
/// services), with MudBlazor's services. <see cref="As"/> renders only (its API is never reached); <see cref="Against"/> calls a real silo.
/// </summary>
internal static class SignedIn
{
    public static BunitContext As(params string[] roles) => Against(new Uri("http://127.0.0.1:9/"), "token", roles);

    /// <summary>
    /// Signed in with a real token for <paramref name="silo"/>: the components call the real API (roles checked, reads
    /// audited there), as the console process does.
    /// </summary>
    public static BunitContext Against(Infrastructure.SiloHost silo, string name, params string[] roles) =>
        Against(silo.Address, Infrastructure.SiloHost.TokenFor(name, roles), roles, name);

    private static BunitContext Against(Uri api, string token, string[] roles, string name = "tester")
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddAuthorizationCore();

        // bUnit registers a placeholder that refuses to decide; the real service decides on the real principal.
        context.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationService, Microsoft.AspNetCore.Authorization.DefaultAuthorizationService>();
        context.Services.AddCascadingAuthenticationState();
        context.Services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(ConsoleSignIn.Principal(name, roles, token, development: true)));
        context.Services.AddScoped<ApiCaller>();
        context.Services.AddScoped(services => new SiloApi(new HttpClient { BaseAddress = api }, services.GetRequiredService<ApiCaller>()));
        context.Services.AddSingleton(TimeProvider.System);
        return context;
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }
}
