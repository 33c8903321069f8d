using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Propagation;

/// <summary>A registered subject whose identifiers were collected and disclosed, and a registry of three processors.</summary>
internal static class PropagationScenario
{
    public const string MailHouse = "Mail House";
    public const string Analytics = "Analytics Co";
    public const string Payroll = "Payroll Ltd";

    public static readonly ProcessorTarget[] Registry =
    [
        new() { Processor = MailHouse, Categories = [] },
        new() { Processor = Analytics, Categories = [PersonalInformationCategory.InternetActivity] },
        new() { Processor = Payroll, Categories = [PersonalInformationCategory.ProfessionalInformation] },
    ];

    public static Scenario Subject() => Scenario.Registered().Given(
        new CollectPersonalInformation
        {
            SubjectId = Scenario.SubjectId,
            Category = PersonalInformationCategory.Identifiers,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["email"] = "person@example.com" },
        },
        new CollectPersonalInformation
        {
            SubjectId = Scenario.SubjectId,
            Category = PersonalInformationCategory.InternetActivity,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.Analytics],
            Data = new Dictionary<string, string> { ["ip"] = "203.0.113.7" },
        },
        new DiscloseInformation
        {
            SubjectId = Scenario.SubjectId,
            Recipient = MailHouse,
            RecipientType = RecipientType.ServiceProvider,
            Purpose = DisclosurePurpose.BusinessPurpose,
            Categories = [PersonalInformationCategory.Identifiers],
        });

    public static PlanPropagation Plan(long sequence, PropagationAction action, string? requestId = null, PersonalInformationCategory? category = null) => new()
    {
        SubjectId = Scenario.SubjectId,
        SourceSequence = sequence,
        Action = action,
        Category = category,
        RequestId = requestId,
        Processors = Registry,
    };

    public static string Delivery(long sequence, string processor) => DeliveryIds.Of(Scenario.SubjectId, sequence, processor);

    public static AcknowledgeDelivery Ack(long sequence, string processor) => new()
    {
        SubjectId = Scenario.SubjectId,
        DeliveryId = Delivery(sequence, processor),
        Processor = processor,
    };

    public static RecordDeliveryAttempt Attempt(long sequence, string processor, int attempt, int? status = null, string? failure = null, bool last = false) => new()
    {
        SubjectId = Scenario.SubjectId,
        DeliveryId = Delivery(sequence, processor),
        Attempt = attempt,
        StatusCode = status,
        Failure = failure,
        LastAttempt = last,
    };
}
