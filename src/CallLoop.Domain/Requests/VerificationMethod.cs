namespace CallLoop.Domain;

/// <summary>How identity was checked.</summary>
[GenerateSerializer, Alias("callloop.verification-method")]
public enum VerificationMethod
{
    [JsonStringEnumMemberName("login")]
    Login = 0,

    [JsonStringEnumMemberName("data-points")]
    DataPoints = 1,

    [JsonStringEnumMemberName("agent-proof")]
    AgentProof = 2,

    [JsonStringEnumMemberName("email-confirmation")]
    EmailConfirmation = 3,

    [JsonStringEnumMemberName("phone-confirmation")]
    PhoneConfirmation = 4,
}
