namespace CallLoop.Grains.Keys;

/// <summary>The grain state of <see cref="SubjectKeyGrain"/>: every data key the subject ever had.</summary>
[GenerateSerializer, Alias("callloop.subject-key-ring")]
public sealed class SubjectKeyRing
{
    [Id(0)]
    public List<StoredDataKey> Keys { get; set; } = [];
}
