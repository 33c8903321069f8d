namespace CallLoop.Console.Api;

/// <summary>The API refused a call; pages show <see cref="Problem"/> where the person acted.</summary>
public sealed class ApiException(ApiProblem problem) : Exception(problem.Words)
{
    public ApiProblem Problem { get; } = problem;
}
