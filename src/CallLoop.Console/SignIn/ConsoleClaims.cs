namespace CallLoop.Console.SignIn;

/// <summary>Claim types of the console's sign-in cookie.</summary>
public static class ConsoleClaims
{
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The bearer token the console presents to the API for this person (kept inside the encrypted cookie).</summary>
    public const string ApiToken = "api_token";

    /// <summary>Present when the person signed in through the local development page.</summary>
    public const string DevelopmentSignIn = "development_sign_in";
}
