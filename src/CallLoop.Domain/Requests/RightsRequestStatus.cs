namespace CallLoop.Domain;

/// <summary>Lifecycle position of a rights request.</summary>
[GenerateSerializer, Alias("callloop.rights-request-status")]
public enum RightsRequestStatus
{
    [JsonStringEnumMemberName("received")]
    Received = 0,

    [JsonStringEnumMemberName("verified")]
    Verified = 1,

    [JsonStringEnumMemberName("verification-failed")]
    VerificationFailed = 2,

    [JsonStringEnumMemberName("extended")]
    Extended = 3,

    [JsonStringEnumMemberName("completed")]
    Completed = 4,

    [JsonStringEnumMemberName("appealed")]
    Appealed = 5,

    [JsonStringEnumMemberName("appeal-decided")]
    AppealDecided = 6,

    /// <summary>A delete request carried out here, waiting for every affected processor's acknowledgement.</summary>
    [JsonStringEnumMemberName("awaiting-processors")]
    AwaitingProcessors = 7,

    /// <summary>A reversed appeal reopened the request; it awaits a new answer.</summary>
    [JsonStringEnumMemberName("reopened")]
    Reopened = 8,
}
