using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Recipients;
using Marten;

namespace CallLoop.Silo.Seeding;

/// <summary>
/// A realistic demo population loaded through the normal path (grain commands), so every report has something to
/// show: subjects across the policy's states, collections over the last 20 months, consents, opt-outs,
/// disclosures and rights requests in every stage. Seeded randomness: the same command gives the same people.
/// As the policy promises, nothing is sold or shared: the demo discloses categories only to service providers under
/// contract, for a business purpose (analytics, payment processing, text delivery), so the state report's sold and
/// shared sections and every Shine the Light answer are empty.
/// A command the privacy rules refuse is counted and, for a rights request, ends that request's steps; any other
/// failure is counted against its subject and the run goes on.
/// </summary>
public sealed class DemoPopulation(IGrainFactory grains, IDocumentStore store, TimeProvider clock, ILogger<DemoPopulation> logger)
{
    private static readonly (string Name, string Address, RecipientType Type)[] Recipients =
    [
        ("Acme Analytics", "100 Analytics Way, Austin, TX 78701", RecipientType.ServiceProvider),
        ("Payments Co", "9 Ledger Rd, Wilmington, DE 19801", RecipientType.ServiceProvider),
        ("Text Relay", "20 Carrier Blvd, Denver, CO 80202", RecipientType.ServiceProvider),
    ];

    private static readonly string[] WeightedStates =
        [.. Enumerable.Repeat("CA", 8), .. JurisdictionTable.ListedCodes];

    private int seeded;
    private int existing;
    private int failed;
    private int refused;

    /// <summary>Seeds subjects <c>demo-{first}</c> onwards; subjects that already exist are left as they are.</summary>
    public async Task<SeedOutcome> SeedAsync(int first, int subjects, CancellationToken cancellationToken)
    {
        await RegisterRecipientsAsync(cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(first, subjects), options, async (i, _) => await SeedSubjectOrCountFailureAsync(i));
        var outcome = new SeedOutcome(seeded, existing, failed, refused);
        logger.LogInformation(
            "Seeded {Seeded} demo subjects, {Existing} already there, {Failed} failed ({Refused} commands refused by privacy rules, as in life)",
            outcome.Seeded,
            outcome.Existing,
            outcome.Failed,
            outcome.Refused);
        return outcome;
    }

    private async Task RegisterRecipientsAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        foreach (var (name, address, type) in Recipients)
        {
            session.Store(new Recipient { Id = name, Address = address, Type = type });
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedSubjectOrCountFailureAsync(int i)
    {
        try
        {
            if (await SeedSubjectAsync(i))
            {
                Interlocked.Increment(ref seeded);
            }
            else
            {
                Interlocked.Increment(ref existing);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Demo ids only; the exception's message is left out as it may quote a value.
            Interlocked.Increment(ref failed);
            logger.LogWarning("Demo subject {Index} could not be seeded: {ErrorType}", i, error.GetType().Name);
        }
    }

    /// <summary>False when the subject already existed.</summary>
    private async Task<bool> SeedSubjectAsync(int i)
    {
        var random = new Random(i);
        var subjectId = $"demo-{i:D5}";
        var now = clock.GetUtcNow();
        DateTimeOffset Past(int maxDays) => now.AddMinutes(-random.Next(60, maxDays * 24 * 60));

        // Registering again with the same details is an accepted retry, so existence is asked first: a second run
        // must not collect everything again for subjects that are already there.
        if (await ExistsAsync(subjectId))
        {
            return false;
        }

        await Send(new RegisterSubject { SubjectId = subjectId, Jurisdiction = WeightedStates[random.Next(WeightedStates.Length)], Email = $"demo{i}@example.com", Name = $"Demo Subject {i}" });
        await Send(Collect(subjectId, PersonalInformationCategory.Identifiers, CollectionSource.Direct, null, Past(600), ("email", $"demo{i}@example.com"), ProcessingPurpose.AccountManagement, ProcessingPurpose.Communications));
        await Send(Collect(subjectId, PersonalInformationCategory.InternetActivity, CollectionSource.Automatic, null, Past(400), ("ip", $"198.51.100.{i % 250}"), ProcessingPurpose.Analytics, ProcessingPurpose.Security));
        var customer = random.Next(2) == 0;
        if (customer)
        {
            await Send(Collect(subjectId, PersonalInformationCategory.CommercialInformation, CollectionSource.Direct, null, Past(300), ("plan", "pro"), ProcessingPurpose.ProvideServices, ProcessingPurpose.PaymentProcessing));
        }

        if (random.Next(3) == 0)
        {
            await Send(Collect(subjectId, PersonalInformationCategory.CustomerRecords, CollectionSource.ThirdParty, "marketing-partner", Past(500), ("postal-code", "94105"), ProcessingPurpose.Marketing));
        }

        if (random.Next(10) == 0)
        {
            await Send(Collect(subjectId, PersonalInformationCategory.Geolocation, CollectionSource.Automatic, null, Past(200), ("city", "Springfield"), ProcessingPurpose.FraudPrevention));
        }

        if (random.Next(2) == 0)
        {
            await Send(new GrantConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.ExpressWritten, SignatureMethod = SignatureMethod.Checkbox, NoticeVersion = "2026-01", Channel = "web-form", Evidence = $"form-submission-{i}" });
            if (random.Next(6) == 0)
            {
                await Send(new WithdrawConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingSms, Channel = "sms", Evidence = "STOP" });
            }
        }

        if (random.Next(12) == 0)
        {
            await Send(new OptOut { SubjectId = subjectId, Scope = OptOutScope.Sale, Method = PreferenceMethod.Gpc });
        }

        if (random.Next(5) < 3)
        {
            await Send(Disclose(subjectId, "Acme Analytics", Past(300), PersonalInformationCategory.InternetActivity));
        }

        if (customer && random.Next(2) == 0)
        {
            await Send(Disclose(subjectId, "Payments Co", Past(300), PersonalInformationCategory.Identifiers, PersonalInformationCategory.CommercialInformation));
        }

        if (random.Next(3) == 0)
        {
            await Send(Disclose(subjectId, "Text Relay", Past(200), PersonalInformationCategory.Identifiers));
        }

        if (random.Next(8) == 0)
        {
            await SeedRequestAsync(subjectId, random, Past(80));
        }

        return true;
    }

    private async Task SeedRequestAsync(string subjectId, Random random, DateTimeOffset receivedAt)
    {
        RightsRequestType[] types = [RightsRequestType.KnowCategories, RightsRequestType.KnowSpecific, RightsRequestType.Delete, RightsRequestType.Correct, RightsRequestType.OptOutSaleSharing, RightsRequestType.LimitSensitive];
        var type = types[random.Next(types.Length)];
        var requestId = $"req-{random.Next(100_000):D5}";
        if (!await Send(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = requestId, Type = type, Channel = (RequestChannel)random.Next(0, 6), ReceivedAt = receivedAt }))
        {
            return; // refused (e.g. no such right where the subject lives): there is no request to take further
        }

        switch (random.Next(4))
        {
            case 0:
                return; // still open: some will be overdue
            case 1 when VerificationPolicy.RequiresVerification(type):
                if (await Send(new FailVerification { SubjectId = subjectId, RequestId = requestId, Method = VerificationMethod.DataPoints, DataPointsMatched = 1 }))
                {
                    await Send(new CompleteRequest { SubjectId = subjectId, RequestId = requestId, Outcome = RequestOutcome.Denied, DenialReason = DenialReason.Unverifiable, Explanation = "Identity could not be verified." });
                }

                return;
            default:
                if (VerificationPolicy.RequiresVerification(type)
                    && !await Send(new VerifyIdentity { SubjectId = subjectId, RequestId = requestId, Method = VerificationMethod.DataPoints, DataPointsMatched = 3, SignedDeclaration = true }))
                {
                    return;
                }

                await Send(new CompleteRequest { SubjectId = subjectId, RequestId = requestId, Outcome = RequestOutcome.Fulfilled });
                return;
        }
    }

    private async Task<bool> ExistsAsync(string subjectId)
    {
        try
        {
            await grains.GetGrain<IDataSubjectGrain>(subjectId).GetProfileAsync();
            return true;
        }
        catch (SubjectNotFoundException)
        {
            return false;
        }
    }

    /// <summary>False when a privacy rule refused the command (counted, as in life); other failures propagate.</summary>
    private async Task<bool> Send(SubjectCommand command)
    {
        try
        {
            await grains.GetGrain<IDataSubjectGrain>(command.SubjectId).ExecuteAsync(command, "seed");
            return true;
        }
        catch (RuleViolationException refusal)
        {
            Interlocked.Increment(ref refused);
            logger.LogDebug("{Command} for {SubjectId} refused: {Rule}", command.GetType().Name, command.SubjectId, refusal.Rule);
            return false;
        }
    }

    private static CollectPersonalInformation Collect(
        string subjectId,
        PersonalInformationCategory category,
        CollectionSource source,
        string? detail,
        DateTimeOffset at,
        (string Field, string Value) data,
        params ProcessingPurpose[] purposes) => new()
    {
        SubjectId = subjectId,
        Category = category,
        Source = source,
        SourceDetail = detail,
        Purposes = purposes,
        Data = new Dictionary<string, string> { [data.Field] = data.Value },
        CollectedAt = at,
    };

    /// <summary>To a service provider under contract, for a business purpose: the only disclosure the policy makes.</summary>
    private static DiscloseInformation Disclose(string subjectId, string recipient, DateTimeOffset at, params PersonalInformationCategory[] categories) => new()
    {
        SubjectId = subjectId,
        Recipient = recipient,
        RecipientType = RecipientType.ServiceProvider,
        Purpose = DisclosurePurpose.BusinessPurpose,
        Categories = categories,
        DisclosedAt = at,
    };
}
