using CallLoop.Contracts.Subjects;
using CallLoop.Domain;
using CallLoop.EventStore.Projections.Recipients;
using Marten;

namespace CallLoop.Silo.Seeding;

/// <summary>
/// A realistic demo population loaded through the normal path (grain commands), so every report has something to
/// show: subjects across the policy's states, collections over the last 20 months, consents, opt-outs,
/// disclosures and rights requests in every stage. Seeded randomness: the same command gives the same people.
/// </summary>
internal sealed class DemoPopulation(IGrainFactory grains, IDocumentStore store, TimeProvider clock, ILogger<DemoPopulation> logger)
{
    private static readonly (string Name, string Address, RecipientType Type)[] Recipients =
    [
        ("Acme Analytics", "100 Analytics Way, Austin, TX 78701", RecipientType.ServiceProvider),
        ("Mailers Inc", "1 Market St, San Francisco, CA 94105", RecipientType.ThirdParty),
        ("Ad Network", "500 Ad Ave, New York, NY 10001", RecipientType.ThirdParty),
        ("Payments Co", "9 Ledger Rd, Wilmington, DE 19801", RecipientType.ServiceProvider),
    ];

    private static readonly string[] WeightedStates =
        [.. Enumerable.Repeat("CA", 8), .. JurisdictionTable.ListedCodes];

    private int rejected;

    public async Task SeedAsync(int subjects, CancellationToken cancellationToken)
    {
        await RegisterRecipientsAsync(cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(1, subjects), options, async (i, _) => await SeedSubjectAsync(i));
        logger.LogInformation("Seeded {Subjects} demo subjects ({Rejected} commands refused by privacy rules, as in life)", subjects, rejected);
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

    private async Task SeedSubjectAsync(int i)
    {
        var random = new Random(i);
        var subjectId = $"demo-{i:D5}";
        var now = clock.GetUtcNow();
        DateTimeOffset Past(int maxDays) => now.AddMinutes(-random.Next(60, maxDays * 24 * 60));

        try
        {
            await Send(new RegisterSubject { SubjectId = subjectId, Jurisdiction = WeightedStates[random.Next(WeightedStates.Length)], Email = $"demo{i}@example.com", Name = $"Demo Subject {i}" });
        }
        catch (SubjectAlreadyRegisteredException)
        {
            return;
        }

        await Send(Collect(subjectId, PersonalInformationCategory.Identifiers, CollectionSource.Direct, null, Past(600), ("email", $"demo{i}@example.com"), ProcessingPurpose.AccountManagement, ProcessingPurpose.Communications));
        await Send(Collect(subjectId, PersonalInformationCategory.InternetActivity, CollectionSource.Automatic, null, Past(400), ("ip", $"198.51.100.{i % 250}"), ProcessingPurpose.Analytics, ProcessingPurpose.Security));
        if (random.Next(2) == 0)
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
            await Send(new GrantConsent { SubjectId = subjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.Express, NoticeVersion = "2026-01", Channel = "web-form", Evidence = $"form-submission-{i}" });
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
            await Send(Disclose(subjectId, "Acme Analytics", RecipientType.ServiceProvider, DisclosurePurpose.BusinessPurpose, Past(300), PersonalInformationCategory.InternetActivity));
        }

        if (random.Next(6) == 0)
        {
            await Send(Disclose(subjectId, "Mailers Inc", RecipientType.ThirdParty, DisclosurePurpose.DirectMarketing, Past(500), PersonalInformationCategory.Identifiers, PersonalInformationCategory.CustomerRecords));
        }

        if (random.Next(8) == 0)
        {
            await Send(Disclose(subjectId, "Ad Network", RecipientType.ThirdParty, DisclosurePurpose.Sharing, Past(300), PersonalInformationCategory.InternetActivity));
        }

        if (random.Next(8) == 0)
        {
            await SeedRequestAsync(subjectId, random, Past(80));
        }
    }

    private async Task SeedRequestAsync(string subjectId, Random random, DateTimeOffset receivedAt)
    {
        RightsRequestType[] types = [RightsRequestType.KnowCategories, RightsRequestType.KnowSpecific, RightsRequestType.Delete, RightsRequestType.Correct, RightsRequestType.OptOutSaleSharing, RightsRequestType.LimitSensitive];
        var type = types[random.Next(types.Length)];
        var requestId = $"req-{random.Next(100_000):D5}";
        await Send(new ReceiveRightsRequest { SubjectId = subjectId, RequestId = requestId, Type = type, Channel = (RequestChannel)random.Next(0, 6), ReceivedAt = receivedAt });
        switch (random.Next(4))
        {
            case 0:
                return; // still open: some will be overdue
            case 1 when VerificationPolicy.RequiresVerification(type):
                await Send(new FailVerification { SubjectId = subjectId, RequestId = requestId, Method = VerificationMethod.DataPoints, DataPointsMatched = 1 });
                await Send(new CompleteRequest { SubjectId = subjectId, RequestId = requestId, Outcome = RequestOutcome.Denied, DenialReason = DenialReason.Unverifiable, Explanation = "Identity could not be verified." });
                return;
            default:
                if (VerificationPolicy.RequiresVerification(type))
                {
                    await Send(new VerifyIdentity { SubjectId = subjectId, RequestId = requestId, Method = VerificationMethod.DataPoints, DataPointsMatched = 3, SignedDeclaration = true });
                }

                await Send(new CompleteRequest { SubjectId = subjectId, RequestId = requestId, Outcome = RequestOutcome.Fulfilled });
                return;
        }
    }

    private async Task Send(SubjectCommand command)
    {
        try
        {
            await grains.GetGrain<IDataSubjectGrain>(command.SubjectId).ExecuteAsync(command, "seed");
        }
        catch (RuleViolationException)
        {
            Interlocked.Increment(ref rejected);
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

    private static DiscloseInformation Disclose(string subjectId, string recipient, RecipientType type, DisclosurePurpose purpose, DateTimeOffset at, params PersonalInformationCategory[] categories) => new()
    {
        SubjectId = subjectId,
        Recipient = recipient,
        RecipientType = type,
        Purpose = purpose,
        Categories = categories,
        DisclosedAt = at,
    };
}
