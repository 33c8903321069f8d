namespace CallLoop.Contracts.Keys;

/// <summary>
/// What a re-wrap did for one subject: keys moved under the current master key, and live keys left where they are
/// because their master key is no longer configured (their values read as absent until it is configured again).
/// </summary>
[GenerateSerializer, Immutable, Alias("callloop.subject-key-rewrap")]
public sealed record SubjectKeyRewrap(
    [property: Id(0)] int Rewrapped,
    [property: Id(1)] int Unavailable);
