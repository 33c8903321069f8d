namespace CallLoop.Domain;

/// <summary>CCPA categories of personal information (Civ. Code 1798.140(v)), written on the wire as their letters.</summary>
[GenerateSerializer, Alias("callloop.personal-information-category")]
public enum PersonalInformationCategory
{
    [JsonStringEnumMemberName("A")]
    Identifiers = 0,

    [JsonStringEnumMemberName("B")]
    CustomerRecords = 1,

    [JsonStringEnumMemberName("C")]
    ProtectedClassifications = 2,

    [JsonStringEnumMemberName("D")]
    CommercialInformation = 3,

    [JsonStringEnumMemberName("E")]
    BiometricInformation = 4,

    [JsonStringEnumMemberName("F")]
    InternetActivity = 5,

    [JsonStringEnumMemberName("G")]
    Geolocation = 6,

    [JsonStringEnumMemberName("H")]
    SensoryData = 7,

    [JsonStringEnumMemberName("I")]
    ProfessionalInformation = 8,

    [JsonStringEnumMemberName("J")]
    EducationInformation = 9,

    [JsonStringEnumMemberName("K")]
    Inferences = 10,

    [JsonStringEnumMemberName("L")]
    SensitivePersonalInformation = 11,
}
