namespace CallLoop.Domain;

/// <summary>Which read handed out the personal values.</summary>
[GenerateSerializer, Alias("callloop.accessed-view")]
public enum AccessedView
{
    [JsonStringEnumMemberName("profile")]
    Profile = 0,

    [JsonStringEnumMemberName("history")]
    History = 1,

    [JsonStringEnumMemberName("export")]
    Export = 2,

    [JsonStringEnumMemberName("access-report")]
    AccessReport = 3,
}
