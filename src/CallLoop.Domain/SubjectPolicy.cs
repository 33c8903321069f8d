namespace CallLoop.Domain;

/// <summary>
/// How this deployment is configured to decide, beside the law: settings of the host, never part of a command, so a
/// caller cannot choose them and a grain passes them to <see cref="SubjectDecider"/> as they are.
/// </summary>
public sealed record SubjectPolicy
{
    public static readonly SubjectPolicy Default = new();

    /// <summary>
    /// A delete request carried out waits for every affected processor's acknowledgement before it completes
    /// (CallLoop:Propagation:DeleteRequiresAcknowledgements): <see cref="RightsRequestAwaitingProcessors"/> instead of
    /// <see cref="RightsRequestCompleted"/>.
    /// </summary>
    public bool DeleteRequiresAcknowledgements { get; init; }
}
