namespace CallLoop.Contracts.Publication;

/// <summary>
/// Where committed subject events are published: one Orleans stream per subject,
/// <c>StreamId.Create(Namespace, subjectId)</c> on the provider <see cref="ProviderName"/>.
/// </summary>
public static class SubjectEventStream
{
    /// <summary>The Orleans stream provider, configured on silos and on clients that subscribe.</summary>
    public const string ProviderName = "subject-events";

    public const string Namespace = "subjects";
}
