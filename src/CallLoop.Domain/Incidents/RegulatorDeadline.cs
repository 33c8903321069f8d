namespace CallLoop.Domain;

/// <summary>How a breach law times the regulator's notice.</summary>
[GenerateSerializer, Alias("callloop.regulator-deadline")]
public enum RegulatorDeadline
{
    /// <summary>No regulator notice in this jurisdiction.</summary>
    [JsonStringEnumMemberName("none")]
    None = 0,

    /// <summary>A number of days from discovery (or determination) of the breach.</summary>
    [JsonStringEnumMemberName("days-after-discovery")]
    DaysAfterDiscovery = 1,

    /// <summary>A number of days after the individuals were notified (CA: sample notice within 15 days).</summary>
    [JsonStringEnumMemberName("days-after-individual-notice")]
    DaysAfterIndividualNotice = 2,

    /// <summary>A number of business days after the individuals were notified (IA).</summary>
    [JsonStringEnumMemberName("business-days-after-individual-notice")]
    BusinessDaysAfterIndividualNotice = 3,

    /// <summary>At the latest when the individuals are notified (same time or before).</summary>
    [JsonStringEnumMemberName("no-later-than-individuals")]
    NoLaterThanIndividuals = 4,

    /// <summary>Strictly before the individuals are notified (NJ State Police, MD Attorney General).</summary>
    [JsonStringEnumMemberName("before-individuals")]
    BeforeIndividuals = 5,

    /// <summary>No number in the law: "without delay", held to the company's ceiling like individual notice.</summary>
    [JsonStringEnumMemberName("without-delay")]
    WithoutDelay = 6,
}
