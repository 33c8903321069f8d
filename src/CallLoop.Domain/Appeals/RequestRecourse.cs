namespace CallLoop.Domain;

/// <summary>
/// What a denial tells the requester (privacy-law.md: a denial states how to appeal where the law gives an appeal; a
/// denied appeal names the complaint route; Canada: the Privacy Commissioner). From the request's law at receipt.
/// </summary>
/// <param name="AppealAvailable">The answer denies in whole or in part, the law gives an appeal, and none was filed yet.</param>
/// <param name="ComplaintTo">The authority to complain to, for a denied request or an upheld appeal; null otherwise.</param>
/// <param name="AppealExtensionAvailable">
/// An appeal is filed and undecided, not extended yet, and the law allows more time to answer it (CO, MN). Whether its
/// due date has passed is left to <see cref="ExtendAppeal"/>, which knows the time.
/// </param>
public sealed record RequestRecourse(bool AppealAvailable, string? ComplaintTo, bool AppealExtensionAvailable = false)
{
    public static RequestRecourse Of(RightsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AppealOutcome == AppealOutcome.Upheld)
        {
            return new(false, request.ComplaintTo ?? Preconditions.LawOf(request).ComplaintAuthority);
        }

        if (request.Outcome is RequestOutcome.Denied or RequestOutcome.PartiallyFulfilled)
        {
            var law = Preconditions.LawOf(request);
            var appealOpen = request.AppealFiledAt is not null && request.AppealDecidedAt is null;
            return new(
                law.HasAppealRight && request.AppealFiledAt is null,
                law.ComplaintAuthority,
                appealOpen && !request.AppealExtended && law.AppealExtensionDays is not null);
        }

        return new(false, null);
    }
}
