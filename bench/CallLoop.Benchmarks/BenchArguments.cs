namespace CallLoop.Benchmarks;

/// <summary>The benchmark's command-line options that take a value (<c>--work Production</c>).</summary>
public static class BenchArguments
{
    /// <summary>The word after <paramref name="option"/>, or null when the option or its value is missing.</summary>
    public static string? ValueAfter(string[] args, string option)
    {
        var at = Array.IndexOf(args, option);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
