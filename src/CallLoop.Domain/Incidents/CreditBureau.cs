namespace CallLoop.Domain;

/// <summary>
/// The nationwide consumer reporting agencies the breach laws mean by "credit bureaus" (those compiling and keeping
/// files on consumers nationwide); a jurisdiction's obligation is met once every one of them was told.
/// </summary>
[GenerateSerializer, Alias("callloop.credit-bureau")]
public enum CreditBureau
{
    [JsonStringEnumMemberName("equifax")]
    Equifax = 0,

    [JsonStringEnumMemberName("experian")]
    Experian = 1,

    [JsonStringEnumMemberName("transunion")]
    TransUnion = 2,
}
