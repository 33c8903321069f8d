namespace CallLoop.Domain;

/// <summary>Folds one event into the subject's state. Pure; every event bumps <see cref="SubjectState.Version"/>.</summary>
public static class SubjectEvolver
{
    public static SubjectState Evolve(SubjectState state, SubjectEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);

        // The feature folds, in this order; none calls another: the subject's own facts, its consents and opt-outs, its
        // requests, its deliveries.
        var subject = Apply(state, e);
        var choices = ConsentEvolution.Evolve(new ConsentChoices(subject.Consents, subject.OptOuts), e);
        var next = subject with
        {
            SubjectId = state.SubjectId ?? e.SubjectId,
            Version = state.Version + 1,
            LastEventAt = e is ErasureStarted or PersonalDataErased ? subject.LastEventAt : e.OccurredAt,
            Consents = choices.Consents,
            OptOuts = choices.OptOuts,
            Requests = EvolveRequests(subject.Requests, e),
            Propagation = PropagationEvolver.Evolve(subject.Propagation, e),
        };

        return e.IdempotencyKey is { Length: > 0 } key
            ? next with
            {
                IdempotencyKeys = next.IdempotencyKeys.Add(key),
                IdempotencyFingerprints = e.IdempotencyFingerprint is { } fingerprint
                    ? next.IdempotencyFingerprints.SetItem(key, fingerprint)
                    : next.IdempotencyFingerprints,
            }
            : next;
    }

    /// <summary>Folds a whole stream, starting from <see cref="SubjectState.Initial"/>.</summary>
    public static SubjectState Fold(IEnumerable<SubjectEvent> events) =>
        events.Aggregate(SubjectState.Initial, Evolve);

    private static SubjectState Apply(SubjectState state, SubjectEvent e) => e switch
    {
        SubjectRegistered registered => state with
        {
            IsRegistered = true,
            Jurisdiction = registered.Jurisdiction,
            Email = registered.Email,
            Phone = registered.Phone,
            Name = registered.Name,
            BirthDate = registered.BirthDate,
            RegisteredAt = registered.OccurredAt,
            TimeZone = registered.TimeZone,
        },
        MessageSent { Kind: MessageKind.Marketing, Channel: ContactChannel.Sms } sent => state with
        {
            RecentMarketingTexts = state.RecentMarketingTexts
                .Where(t => TextFrequency.WithinWindow(t.SentAt, sent.SentAt))
                .Append(new SentText { Topic = sent.Topic, SentAt = sent.SentAt })
                .ToImmutableList(),
        },
        MessageSent => state,
        ResidencyChanged moved => state with { Jurisdiction = moved.Jurisdiction },
        PersonalInformationCollected collected => WithContactDetails(
            state with
            {
                Categories = state.Categories.SetItem(collected.Category, Collect(state, collected)),
                Collections = state.Collections.Add(new CollectionEntry(
                    collected.Category,
                    collected.Source,
                    collected.SourceDetail,
                    [.. collected.Purposes],
                    [.. collected.Data.Keys.Order(StringComparer.Ordinal)],
                    collected.CollectedAt)),
            },
            collected.Category,
            collected.Data),
        InformationDisclosed disclosed => state with
        {
            Disclosures = state.Disclosures.Add(new DisclosureRecord
            {
                DisclosureId = disclosed.DisclosureId,
                Recipient = disclosed.Recipient,
                RecipientType = disclosed.RecipientType,
                Purpose = disclosed.Purpose,
                Categories = [.. disclosed.Categories],
                LegalOrSecurity = disclosed.LegalOrSecurity,
                DisclosedAt = disclosed.DisclosedAt,
                NoValuableConsideration = disclosed.NoValuableConsideration,
            }),
        },
        InformationCorrected corrected => Correct(state, corrected),
        ProcessingRestricted => state with { IsRestricted = true },
        ProcessingRestrictionLifted => state with { IsRestricted = false },
        LegalHoldPlaced placed => state with
        {
            LegalHolds = state.LegalHolds.SetItem(placed.HoldId, new LegalHoldRecord
            {
                HoldId = placed.HoldId,
                Categories = [.. placed.Categories],
                Reason = placed.Reason,
                PlacedAt = placed.OccurredAt,
            }),
        },
        LegalHoldReleased released => state with { LegalHolds = state.LegalHolds.Remove(released.HoldId) },
        MinorDetected minor => state with { IsMinor = true, BirthDate = minor.BirthDate ?? state.BirthDate },
        AccountDeactivated => state with { DeactivatedAt = state.DeactivatedAt ?? e.OccurredAt },
        ErasureStarted erasure => Erase(state, erasure),
        PersonalDataErased erased => ErasureEvolution.Apply(state, erased),
        PersonalDataAccessed => state,
        BreachNoticeSent notice => state with
        {
            BreachNotices = state.BreachNotices.Add(new BreachNoticeRecord
            {
                IncidentId = notice.IncidentId,
                Channel = notice.Channel,
                SentAt = notice.SentAt,
                Jurisdiction = notice.Jurisdiction,
            }),
        },
        // What only the feature folds below change (consents and opt-outs, requests, deliveries) is theirs to list.
        _ when ConsentEvolution.Changes(e) || RightsRequestEvolution.RequestIdOf(e) is not null || DeliveryEvolver.DeliveryIdOf(e) is not null || e is PropagationPlanned => state,
        _ => throw new ArgumentOutOfRangeException(nameof(e), $"Unknown event type {e.GetType().Name}."),
    };

    private static HeldCategory Collect(SubjectState state, PersonalInformationCollected collected)
    {
        var source = new CategorySource { Source = collected.Source, Detail = collected.SourceDetail };
        if (!state.Categories.TryGetValue(collected.Category, out var held))
        {
            return new HeldCategory
            {
                Category = collected.Category,
                Sources = [source],
                Purposes = [.. collected.Purposes.Distinct()],
                FirstCollectedAt = collected.CollectedAt,
                LastCollectedAt = collected.CollectedAt,
                Values = collected.Data.ToImmutableDictionary(),
            };
        }

        return held with
        {
            Sources = held.Sources.Contains(source) ? held.Sources : held.Sources.Add(source),
            Purposes = held.Purposes.AddRange(collected.Purposes.Where(p => !held.Purposes.Contains(p)).Distinct()),
            FirstCollectedAt = collected.CollectedAt < held.FirstCollectedAt ? collected.CollectedAt : held.FirstCollectedAt,
            LastCollectedAt = collected.CollectedAt > held.LastCollectedAt ? collected.CollectedAt : held.LastCollectedAt,
            Values = held.Values.SetItems(collected.Data),
        };
    }

    private static SubjectState Correct(SubjectState state, InformationCorrected corrected)
    {
        var next = state;
        if (state.Categories.TryGetValue(corrected.Category, out var held))
        {
            next = next with
            {
                Categories = state.Categories.SetItem(corrected.Category, held with { Values = held.Values.SetItem(corrected.Field, corrected.NewValue) }),
            };
        }

        return WithContactDetails(next, corrected.Category, new Dictionary<string, string> { [corrected.Field] = corrected.NewValue });
    }

    /// <summary>Identifiers named email, phone or name are also the subject's contact details.</summary>
    private static SubjectState WithContactDetails(SubjectState state, PersonalInformationCategory category, IReadOnlyDictionary<string, string> values)
    {
        if (category != PersonalInformationCategory.Identifiers)
        {
            return state;
        }

        return state with
        {
            Email = values.GetValueOrDefault(ContactFields.Email) ?? state.Email,
            Phone = values.GetValueOrDefault(ContactFields.Phone) ?? state.Phone,
            Name = values.GetValueOrDefault(ContactFields.Name) ?? state.Name,
        };
    }

    private static SubjectState Erase(SubjectState state, ErasureStarted erasure)
    {
        var retained = erasure.RetainedCategories.ToHashSet();
        var keepIdentifiers = retained.Contains(PersonalInformationCategory.Identifiers);
        return state with
        {
            ErasureStartedAt = erasure.OccurredAt,
            ErasureReason = erasure.Reason,
            ErasureRequestId = erasure.RequestId,
            ErasedCategories = [],
            Categories = state.Categories.RemoveRange(state.Categories.Keys.Where(c => !retained.Contains(c))),
            Email = keepIdentifiers ? state.Email : null,
            Phone = keepIdentifiers ? state.Phone : null,
            Consents = keepIdentifiers ? state.Consents : state.Consents.ToImmutableDictionary(c => c.Key, c => c.Value with { ConsentedNumber = null }),
            Name = keepIdentifiers ? state.Name : null,
        };
    }

    /// <summary>Every request the event changes, through <see cref="RightsRequestEvolution"/>; an unknown request stays unknown.</summary>
    private static ImmutableDictionary<string, RightsRequest> EvolveRequests(ImmutableDictionary<string, RightsRequest> requests, SubjectEvent e)
    {
        if (e is RightsRequestReceived received)
        {
            return requests.SetItem(received.RequestId, RightsRequestEvolution.Received(received));
        }

        if (RightsRequestEvolution.ChangesEveryRequest(e))
        {
            return requests.SetItems(requests.Select(r => KeyValuePair.Create(r.Key, RightsRequestEvolution.Evolve(r.Value, e))));
        }

        return RightsRequestEvolution.RequestIdOf(e) is { } requestId && requests.TryGetValue(requestId, out var request)
            ? requests.SetItem(requestId, RightsRequestEvolution.Evolve(request, e))
            : requests;
    }
}
