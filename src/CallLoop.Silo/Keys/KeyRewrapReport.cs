namespace CallLoop.Silo.Keys;

/// <summary>The outcome of a re-wrap: under which master key, over how many subjects, how many keys moved.</summary>
public sealed record KeyRewrapReport(string CurrentMasterKeyId, int Subjects, int KeysRewrapped);
