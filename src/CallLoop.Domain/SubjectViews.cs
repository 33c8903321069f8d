namespace CallLoop.Domain;

/// <summary>Turns state into the DTOs the grain and the HTTP API return.</summary>
public static class SubjectViews
{
    /// <summary>The profile without personal values or free text (<see cref="SubjectProfile.ValuesWithheld"/>): metadata only.</summary>
    /// <remarks>
    /// Every command answers with it, so it withholds the free text of exactly what it shows (consents and requests)
    /// instead of copying the whole state through <see cref="FreeText.Withhold(SubjectState)"/>.
    /// </remarks>
    public static SubjectProfile ToProfile(SubjectState state) => Build(state, withhold: true);

    /// <summary>The profile with personal values and free text: only for an audited read, once the access is recorded.</summary>
    public static SubjectProfile ToPersonalProfile(SubjectState state) => Build(state, withhold: false);

    private static SubjectProfile Build(SubjectState state, bool withhold)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new SubjectProfile
        {
            SubjectId = state.SubjectId ?? string.Empty,
            Version = state.Version,
            Registered = state.IsRegistered,
            Jurisdiction = state.Jurisdiction,
            Email = withhold ? null : state.Email,
            Phone = withhold ? null : state.Phone,
            Name = withhold ? null : state.Name,
            BirthDate = withhold ? null : state.BirthDate,
            IsMinor = state.IsMinor,
            Active = state.IsActive,
            RegisteredAt = state.RegisteredAt,
            DeactivatedAt = state.DeactivatedAt,
            ProcessingRestricted = state.IsRestricted,
            ErasureStartedAt = state.ErasureStartedAt,
            ErasureReason = state.ErasureReason,
            Categories = Sorted(state.Categories, c => c.Category, withhold ? WithheldValues : null),
            Consents = Sorted(state.Consents, c => c.Purpose, withhold ? WithheldValues : null),
            OptOuts = Sorted(state.OptOuts, o => o.Scope),
            Disclosures = state.Disclosures.IsEmpty ? [] : state.Disclosures.ToArray(),
            Requests = Views(state.Requests, _ => true, withhold),
            LegalHolds = state.LegalHolds.IsEmpty
                ? []
                : state.LegalHolds.Values.OrderBy(h => h.PlacedAt).ThenBy(h => h.HoldId, StringComparer.Ordinal).ToArray(),
            ValuesWithheld = withhold,
        };
    }

    /// <summary>A held category without its values; the record itself when it holds none.</summary>
    private static HeldCategory WithheldValues(HeldCategory category) =>
        category.Values.IsEmpty ? category : category with { Values = ImmutableDictionary<string, string>.Empty };

    /// <summary>A consent without its free text and number; the record itself when it has neither (no copy per profile).</summary>
    private static ConsentRecord WithheldValues(ConsentRecord consent)
    {
        var withheld = FreeText.Withhold(consent);
        return withheld.ConsentedNumber is null ? withheld : withheld with { ConsentedNumber = null };
    }

    /// <summary>
    /// The values ordered by <paramref name="order"/>, each through <paramref name="view"/> when one is given; no sorting
    /// machinery for none or one.
    /// </summary>
    private static TValue[] Sorted<TKey, TValue, TOrder>(
        ImmutableDictionary<TKey, TValue> values, Func<TValue, TOrder> order, Func<TValue, TValue>? view = null)
        where TKey : notnull
    {
        if (values.Count == 1)
        {
            foreach (var (_, only) in values)
            {
                return [view is null ? only : view(only)];
            }
        }

        if (values.IsEmpty)
        {
            return [];
        }

        var sorted = values.Values.OrderBy(order);
        return view is null ? sorted.ToArray() : sorted.Select(view).ToArray();
    }

    /// <summary>Requests that still owe the requester an answer, oldest first.</summary>
    public static IReadOnlyList<RightsRequestView> OpenRequests(SubjectState state) => ToViews(state, r => r.IsOpen);

    /// <summary>Requests matching <paramref name="include"/>, oldest first.</summary>
    public static IReadOnlyList<RightsRequestView> ToViews(SubjectState state, Func<RightsRequest, bool> include)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(include);
        return Views(state.Requests, include, withhold: false);
    }

    private static RightsRequestView[] Views(ImmutableDictionary<string, RightsRequest> requests, Func<RightsRequest, bool> include, bool withhold) =>
        requests.IsEmpty
            ? []
            : requests.Values
                .Where(include)
                .OrderBy(r => r.ReceivedAt)
                .ThenBy(r => r.RequestId, StringComparer.Ordinal)
                .Select(r => ToView(withhold ? FreeText.Withhold(r) : r))
                .ToArray();

    /// <summary>The view of one request; unknown ids raise <see cref="RequestNotFoundException"/>.</summary>
    public static RightsRequestView ToRequestView(SubjectState state, string requestId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Requests.TryGetValue(requestId, out var request)
            ? ToView(request)
            : throw new RequestNotFoundException(state.SubjectId ?? string.Empty, requestId);
    }

    public static RightsRequestView ToView(RightsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recourse = RequestRecourse.Of(request);
        return new RightsRequestView
        {
            RequestId = request.RequestId,
            Type = request.Type,
            Status = EnumText.ToText(request.Status),
            Jurisdiction = request.Jurisdiction,
            Channel = request.Channel,
            ViaAuthorizedAgent = request.Agent is not null,
            ReceivedAt = request.ReceivedAt,
            DueAt = request.DueAt,
            ConfirmationDueAt = request.ConfirmationDueAt,
            ReceiptConfirmedAt = request.ReceiptConfirmedAt,
            Extended = request.Extended,
            ExtensionReason = request.ExtensionReason,
            VerifiedAt = request.VerifiedAt,
            VerificationMethod = request.VerificationMethod,
            CompletedAt = request.CompletedAt,
            Outcome = request.Outcome,
            DenialReason = request.DenialReason,
            Explanation = request.Explanation,
            AppealFiledAt = request.AppealFiledAt,
            AppealDueAt = request.AppealDueAt,
            AppealDecidedAt = request.AppealDecidedAt,
            AppealOutcome = request.AppealOutcome,
            AppealExplanation = request.AppealExplanation,
            ComplaintTo = recourse.ComplaintTo,
            AppealAvailable = recourse.AppealAvailable,
            AppealExtended = request.AppealExtended,
            AppealExtensionAvailable = recourse.AppealExtensionAvailable,
            ReopenedAt = request.ReopenedAt,
            FirstOutcome = request.FirstOutcome,
            FirstDenialReason = request.FirstDenialReason,
            FromNonSubject = request.FromNonSubject,
            ConsentPurposes = request.ConsentPurposes,
            DueSoonWarnedAt = request.DueSoonWarnedAt,
            OverdueAt = request.OverdueAt,
            ConfirmationDueSoonWarnedAt = request.ConfirmationDueSoonWarnedAt,
            ConfirmationOverdueAt = request.ConfirmationOverdueAt,
            AppealDueSoonWarnedAt = request.AppealDueSoonWarnedAt,
            AppealOverdueAt = request.AppealOverdueAt,
            ProcessorsNotified = request.ProcessorsAwaited,
            ProcessorsAcknowledged = request.ProcessorsAcknowledged,
            ProcessorsNotYetAcknowledged = request.ProcessorsAwaited.Except(request.ProcessorsAcknowledged).Except(request.ProcessorsWaived.Select(w => w.Processor)).ToArray(),
            ProcessorsWaived = request.ProcessorsWaived,
            ErasedAt = request.ErasedAt,
            RetainedCategories = request.RetainedCategories,
        };
    }
}
