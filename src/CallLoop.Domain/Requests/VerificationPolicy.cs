namespace CallLoop.Domain;

/// <summary>
/// How sure we must be of the requester's identity, by request type (CCPA regulations; other laws say
/// "commercially reasonable"). A logged-in account holder is verified by the login.
/// </summary>
public static class VerificationPolicy
{
    public static bool RequiresVerification(RightsRequestType type) =>
        type is not (RightsRequestType.OptOutSaleSharing or RightsRequestType.LimitSensitive or RightsRequestType.WithdrawConsent);

    public static int RequiredDataPoints(RightsRequestType type) => type switch
    {
        RightsRequestType.KnowSpecific or RightsRequestType.Portability => 3,
        _ when RequiresVerification(type) => 2,
        _ => 0,
    };

    public static bool RequiresSignedDeclaration(RightsRequestType type) => type == RightsRequestType.KnowSpecific;

    public static bool IsSufficient(RightsRequestType type, VerificationMethod method, int dataPointsMatched, bool signedDeclaration) =>
        method == VerificationMethod.Login
        || (dataPointsMatched >= RequiredDataPoints(type) && (signedDeclaration || !RequiresSignedDeclaration(type)));
}
