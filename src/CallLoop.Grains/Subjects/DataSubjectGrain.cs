using CallLoop.Contracts.Keys;
using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Phones;
using CallLoop.EventStore.Protection;
using CallLoop.EventStore.Subjects;
using CallLoop.Grains.Deadlines;
using CallLoop.Grains.Erasure;
using CallLoop.Grains.Keys;
using CallLoop.Grains.Propagation;
using Microsoft.Extensions.Options;

namespace CallLoop.Grains.Subjects;

/// <summary>
/// Thin actor over one subject's stream: load on activation, decide with the pure domain, append with the
/// expected version (and the phone index entries the events imply, in the same transaction), then evolve.
/// Personal values are plain in memory and sealed with the subject's keys (<see cref="SubjectKeyGrain"/>) in storage;
/// once erasure is due, <see cref="SubjectErasure"/> shreds, masks and records it (also on activation, after a crash).
/// </summary>
public sealed class DataSubjectGrain(
    ISubjectStreams streams,
    PhoneIndex phoneIndex,
    PersonalValueMasking masking,
    TimeProvider clock,
    IOptions<PropagationOptions> propagation,
    IOptions<DeadlineOptions> deadlines)
    : Grain, IDataSubjectGrain
{
    private SubjectState state = SubjectState.Initial;
    private SubjectPolicy? policy;
    private string? subjectId;
    private SubjectKeyProtector? keys;

    /// <summary>The grain's key, decoded once (each decoding is a new string, and every command reads it several times).</summary>
    private string SubjectId => subjectId ??= this.GetPrimaryKeyString();

    /// <summary>The configured policy the decider applies; the command is passed on as the caller sent it.</summary>
    private SubjectPolicy Policy => policy ??= new SubjectPolicy
    {
        DeleteRequiresAcknowledgements = propagation.Value.DeleteRequiresAcknowledgements,
        ReopenedDueDays = deadlines.Value.ReopenedDueDays,
        BusinessTimeZone = deadlines.Value.BusinessTimeZone,
    };

    private SubjectKeyProtector Keys => keys ??= SubjectKeyProtector.For(GrainFactory, SubjectId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = await streams.LoadStateAsync(SubjectId, Keys, cancellationToken);

        // An erasure whose events committed but whose shredding did not finish (a crash) completes here.
        await CompleteErasureAsync(actor: null, releasedHoldId: null);
    }

    public Task<SubjectProfile> RegisterAsync(RegisterSubject command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> ChangeResidencyAsync(ChangeResidency command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> CollectAsync(CollectPersonalInformation command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> GrantConsentAsync(GrantConsent command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> WithdrawConsentAsync(WithdrawConsent command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> OptOutAsync(OptOut command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> OptBackInAsync(OptBackIn command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> ReceiveGpcSignalAsync(ReceiveGpcSignal command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> ReceiveSmsKeywordAsync(ReceiveSmsKeyword command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<RightsRequestView> ReceiveRequestAsync(ReceiveRightsRequest command, string? actor = null) => RequestAfterAsync(command, command?.RequestId, actor);

    public Task<RightsRequestView> ConfirmReceiptAsync(ConfirmReceipt command, string? actor = null) => RequestAfterAsync(command, command?.RequestId, actor);

    public Task<RightsRequestView> VerifyIdentityAsync(VerifyIdentity command, string? actor = null) => RequestAfterAsync(command, command?.RequestId, actor);

    public Task<RightsRequestView> FailVerificationAsync(FailVerification command, string? actor = null) => RequestAfterAsync(command, command?.RequestId, actor);

    public Task<RightsRequestView> ExtendRequestAsync(ExtendRequest command, string? actor = null) => RequestAfterAsync(command, command?.RequestId, actor);

    public Task<RightsRequestView> CompleteRequestAsync(CompleteRequest command, string? actor = null) => RequestAfterAsync(command, command?.RequestId, actor);

    public Task<RightsRequestView> FileAppealAsync(FileAppeal command, string? actor = null) => RequestAfterAsync(command, command?.RequestId, actor);

    public Task<RightsRequestView> DecideAppealAsync(DecideAppeal command, string? actor = null) => RequestAfterAsync(command, command?.RequestId, actor);

    public Task<RightsRequestView> ExtendAppealAsync(ExtendAppeal command, string? actor = null) => RequestAfterAsync(command, command?.RequestId, actor);

    public Task<SubjectProfile> DiscloseAsync(DiscloseInformation command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> CorrectAsync(CorrectInformation command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> RestrictProcessingAsync(RestrictProcessing command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> LiftRestrictionAsync(LiftRestriction command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> PlaceLegalHoldAsync(PlaceLegalHold command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> ReleaseLegalHoldAsync(ReleaseLegalHold command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> DetectMinorAsync(DetectMinor command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> DeactivateAccountAsync(DeactivateAccount command, string? actor = null) => ProfileAfterAsync(command, actor);

    public async Task<RetentionReview> ApplyRetentionAsync(ApplyRetention command, string? actor = null)
    {
        var before = state;
        await DecideAndAppendAsync(command, actor);
        return RetentionSchedule.Review(before, state, command.Periods, clock.GetUtcNow());
    }

    public Task<SubjectProfile> ExecuteAsync(SubjectCommand command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<SubjectProfile> GetProfileAsync()
    {
        SubjectIds.Validate(SubjectId);
        RequireStream();
        return Task.FromResult(SubjectViews.ToProfile(state));
    }

    public async Task<IReadOnlyList<SubjectHistoryEntry>> GetHistoryAsync() =>
        (await LoadHistoryAsync()).Select(h => h with { Event = PersonalValues.Withhold(h.Event) }).ToList();

    public async Task<SubjectProfile> ReadPersonalDataAsync(PersonalDataAccess access)
    {
        await RecordPersonalDataAccessAsync(access, AccessedView.Profile);
        return SubjectViews.ToPersonalProfile(state);
    }

    public async Task<IReadOnlyList<SubjectHistoryEntry>> ReadHistoryAsync(PersonalDataAccess access)
    {
        await RecordPersonalDataAccessAsync(access, AccessedView.History);
        return (await LoadHistoryAsync()).Where(h => h.Event is not PersonalDataAccessed).ToList();
    }

    public Task RecordPersonalDataAccessAsync(PersonalDataAccess access, AccessedView view)
    {
        SubjectIds.Validate(SubjectId);
        return DecideAndAppendAsync(new RecordPersonalDataAccess { Access = access, View = view }, access?.AccessedBy);
    }

    public async Task<SubjectState> ReadStateAsync(PersonalDataAccess access, AccessedView view)
    {
        await RecordPersonalDataAccessAsync(access, view);
        return state;
    }

    public Task<IReadOnlyList<DeliveryRecord>> GetDeliveriesAsync()
    {
        RequireStream();
        IReadOnlyList<DeliveryRecord> deliveries = state.Propagation.Deliveries.Values
            .Select(d => d with { WaiverReason = null })
            .OrderBy(d => d.SourceSequence)
            .ThenBy(d => d.Processor, StringComparer.Ordinal)
            .ToArray();
        return Task.FromResult(deliveries);
    }

    public async Task<IReadOnlyList<AccessRecord>> GetAuditTrailAsync() =>
        (await LoadHistoryAsync())
            .Where(h => h.Event is PersonalDataAccessed)
            .Select(h => AccessRecord.From(h.Version, (PersonalDataAccessed)h.Event))
            .ToList();

    private async Task<IReadOnlyList<SubjectHistoryEntry>> LoadHistoryAsync()
    {
        SubjectIds.Validate(SubjectId);
        var history = await streams.HistoryAsync(SubjectId, CancellationToken.None);
        if (history.Count == 0)
        {
            throw new SubjectNotFoundException(SubjectId);
        }

        var recorded = history.Where(e => e.Data is SubjectEvent).ToArray();
        var opened = await Keys.OpenAsync(recorded.Select(e => (SubjectEvent)e.Data).ToArray());
        return recorded
            .Select((e, i) => new SubjectHistoryEntry(e.Version, e.Type, e.RecordedAt, opened[i], e.Actor))
            .ToList();
    }

    public async Task<ContactDecision> CanContactAsync(ContactChannel channel, MessageKind kind, DateTimeOffset? at = null, string? topic = null)
    {
        RequireStream();
        var suppression = channel == ContactChannel.Sms && state.Phone is { } phone
            ? await phoneIndex.FindSuppressionAsync(phone, CancellationToken.None)
            : null;
        return ContactPolicy.CanContact(state, channel, kind, suppression, at ?? clock.GetUtcNow(), topic);
    }

    public Task<SubjectProfile> RecordMessageSentAsync(RecordMessageSent command, string? actor = null) => ProfileAfterAsync(command, actor);

    public Task<IReadOnlyList<RightsRequestView>> GetOpenRequestsAsync()
    {
        RequireStream();
        return Task.FromResult(SubjectViews.OpenRequests(FreeText.Withhold(state)));
    }

    public Task<IReadOnlyList<RightsRequestView>> GetRequestsAsync()
    {
        RequireStream();
        return Task.FromResult(SubjectViews.ToViews(FreeText.Withhold(state), _ => true));
    }

    public Task<RightsRequestView> GetRequestAsync(string requestId)
    {
        RequireStream();
        return Task.FromResult(SubjectViews.ToRequestView(FreeText.Withhold(state), requestId));
    }

    public async Task<IReadOnlyList<RequestTimelineStep>> GetRequestTimelineAsync(string requestId)
    {
        RequireStream();
        _ = SubjectViews.ToRequestView(state, requestId);

        // Types, times and actors only: the events' values stay sealed, so no key is opened and nothing is audited.
        var history = await streams.HistoryAsync(SubjectId, CancellationToken.None);
        return history
            .Where(e => e.Data is SubjectEvent subjectEvent && RightsRequestEvolution.RequestIdOf(subjectEvent) == requestId)
            .Select(e => new RequestTimelineStep(e.Version, e.Type, e.RecordedAt, e.Actor))
            .ToList();
    }

    private Task<SubjectProfile> ProfileAfterAsync(SubjectCommand command, string? actor) =>
        DecideAndAppendAsync(command, actor, SubjectViews.ToProfile);

    private Task<RightsRequestView> RequestAfterAsync(SubjectCommand command, string? requestId, string? actor) =>
        DecideAndAppendAsync(command, actor, after => SubjectViews.ToRequestView(FreeText.Withhold(after), requestId ?? string.Empty));

    private Task DecideAndAppendAsync(SubjectCommand command, string? actor) =>
        DecideAndAppendAsync(command, actor, static _ => true);

    /// <summary>Decides, appends and evolves, then answers from the state after it (one awaiting method per command).</summary>
    private async Task<TAnswer> DecideAndAppendAsync<TAnswer>(SubjectCommand command, string? actor, Func<SubjectState, TAnswer> answer)
    {
        ArgumentNullException.ThrowIfNull(command);
        command = ForThisSubject(command);
        var events = SubjectDecider.Decide(state, command, clock.GetUtcNow(), actor, Policy, await FingerprintAsync(command, actor));
        if (events.Count > 0)
        {
            await AppendAsync(events, actor);
            await CompleteErasureAsync(actor, ReleasedHoldId(events));
        }

        return answer(state);
    }

    /// <summary>The legal hold these events release, if any (a loop: this runs after every command).</summary>
    private static string? ReleasedHoldId(IReadOnlyList<SubjectEvent> events)
    {
        foreach (var e in events)
        {
            if (e is LegalHoldReleased released)
            {
                return released.HoldId;
            }
        }

        return null;
    }

    /// <summary>
    /// The keyed fingerprint the decider binds a new idempotency key to, or checks a used one against (under the data key
    /// its fingerprint names); none is needed for a command without a key or a key recorded unkeyed or unbound.
    /// </summary>
    private async Task<string?> FingerprintAsync(SubjectCommand command, string? actor)
    {
        if (command.IdempotencyKey is not { } key)
        {
            return null;
        }

        var used = state.IdempotencyKeys.Contains(key);
        var bound = state.IdempotencyFingerprints.GetValueOrDefault(key);
        if (used && !IdempotencyFingerprint.IsKeyed(bound))
        {
            return null;
        }

        return await GrainFactory.GetGrain<ISubjectKeyGrain>(SubjectId).FingerprintAsync(command, actor, IdempotencyFingerprint.KeyIdOf(bound));
    }

    /// <summary>Destroys the keys of every category due for erasure, masks their stored values and records it.</summary>
    private async Task CompleteErasureAsync(string? actor, string? releasedHoldId)
    {
        try
        {
            var erased = await SubjectErasure.CompleteAsync(state, SubjectId, GrainFactory, masking, releasedHoldId, clock.GetUtcNow());
            if (erased is not null)
            {
                // The snapshot may hold values sealed with the keys just destroyed: it goes with the erasure event.
                await AppendAsync([erased], actor, removesSnapshot: true);

                // What memory still holds is what storage can no longer open (free text among it): read it back.
                state = await streams.LoadStateAsync(SubjectId, Keys, CancellationToken.None);
            }
        }
        catch (Exception)
        {
            // Every step is idempotent: the next activation finds the erasure still due and completes it.
            this.DeactivateOnIdle();
            throw;
        }
    }

    private async Task AppendAsync(IReadOnlyList<SubjectEvent> events, string? actor, bool removesSnapshot = false)
    {
        var next = events.Aggregate(state, SubjectEvolver.Evolve);
        try
        {
            // Keys a value needs are stored by the key grain before it answers, so before these events commit.
            var sealedEvents = await Keys.SealAsync(events);
            var append = new SubjectAppend(SubjectId, state.Version, sealedEvents, actor)
            {
                PhoneIndex = phoneIndex.Changes(SubjectId, state, next),
                RemovesSnapshot = removesSnapshot,
            };
            await streams.AppendAsync(append, CancellationToken.None);
        }
        catch (StreamVersionConflictException conflict)
        {
            // Someone else wrote to this stream (e.g. a duplicate activation): catch up so the next command decides on the truth.
            state = await streams.LoadStateAsync(SubjectId, Keys, CancellationToken.None);
            throw new ConcurrencyConflictException(conflict.SubjectId, conflict.ExpectedVersion);
        }
        catch (Exception)
        {
            // The batch failed; should its commit still have landed, the next activation reads the truth from the store.
            this.DeactivateOnIdle();
            throw;
        }

        state = next;
    }

    private SubjectCommand ForThisSubject(SubjectCommand command)
    {
        if (string.IsNullOrEmpty(command.SubjectId))
        {
            return command with { SubjectId = SubjectId };
        }

        return string.Equals(command.SubjectId, SubjectId, StringComparison.Ordinal)
            ? command
            : throw new InvalidCommandException("subjectId", "The command names another subject than the grain it was sent to.");
    }

    /// <summary>Queries about a subject with no stream at all are 404s, not empty answers.</summary>
    private void RequireStream()
    {
        if (state.Version == 0)
        {
            throw new SubjectNotFoundException(SubjectId);
        }
    }
}
