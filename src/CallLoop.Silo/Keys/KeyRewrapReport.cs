namespace CallLoop.Silo.Keys;

/// <summary>
/// The outcome of a re-wrap: under which master key, over how many subjects, how many keys moved, and how many
/// processors' signing secrets were sealed anew (from an older master key, or from clear).
/// </summary>
public sealed record KeyRewrapReport(string CurrentMasterKeyId, int Subjects, int KeysRewrapped, int ProcessorSecretsResealed);
