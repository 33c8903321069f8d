namespace CallLoop.Domain;

/// <summary>What an inbound text means for the number it came from.</summary>
[GenerateSerializer, Alias("callloop.inbound-text-kind")]
public enum InboundTextKind
{
    /// <summary>Nothing we recognise; changes nothing.</summary>
    [JsonStringEnumMemberName("unclassified")]
    Unclassified = 0,

    /// <summary>A revocation of consent to marketing texts (FCC: any reasonable means).</summary>
    [JsonStringEnumMemberName("revocation")]
    Revocation = 1,

    /// <summary>A request to re-subscribe after the number's STOP.</summary>
    [JsonStringEnumMemberName("opt-in")]
    OptIn = 2,

    /// <summary>HELP or INFO: answered with the help text, changes nothing.</summary>
    [JsonStringEnumMemberName("help")]
    Help = 3,
}
