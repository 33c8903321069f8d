namespace CallLoop.Domain;

/// <summary>Why erasure of a subject's data started.</summary>
[GenerateSerializer, Alias("callloop.erasure-reason")]
public enum ErasureReason
{
    [JsonStringEnumMemberName("delete-request")]
    DeleteRequest = 0,

    [JsonStringEnumMemberName("minor")]
    Minor = 1,

    [JsonStringEnumMemberName("retention")]
    Retention = 2,
}
