namespace CallLoop.Silo.Keys;

/// <summary>
/// The outcome of a re-wrap: under which master key, over how many subjects, how many keys moved, and how many
/// processors' signing secrets were sealed anew (from an older master key, or from clear), and how many live keys could
/// not move because their master key is no longer configured (retire a master key only once this is 0).
/// </summary>
public sealed record KeyRewrapReport(string CurrentMasterKeyId, int Subjects, int KeysRewrapped, int ProcessorSecretsResealed, int KeysUnavailable);
