namespace CallLoop.Silo.Hosting;

public static class SubjectEventStreams
{
    /// <summary>Orleans stream provider that carries committed subject events to live subscribers.</summary>
    public const string ProviderName = "subject-events";
}
