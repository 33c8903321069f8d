namespace CallLoop.Contracts.Deadlines;

/// <summary>"subjectId/requestId": ids never contain '/', so the key splits back unambiguously.</summary>
public static class RequestDeadlineKey
{
    public static string Of(string subjectId, string requestId) => $"{subjectId}/{requestId}";

    public static (string SubjectId, string RequestId) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? (key[..slash], key[(slash + 1)..]) : throw new ArgumentException("Not a request deadline key.", nameof(key));
    }
}
