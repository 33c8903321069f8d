using System.Globalization;
using System.Text;

namespace CallLoop.Domain;

/// <summary>
/// Pure: writes the notice for one jurisdiction from the incident's facts. Every notice carries the policy's three
/// elements (the nature of the breach, the data involved, the steps being taken); a jurisdiction's row adds its
/// title and headings (CA) or withholds the count of its residents (IL).
/// </summary>
public static class BreachNoticeText
{
    public const string DefaultTitle = "Notice of a Data Security Incident";

    public const string ContactAddress = "help@callloop.com";

    private static readonly string[] PlainHeadings =
        ["What happened", "What information was involved", "What we are doing", "What you can do", "For more information"];

    public static BreachNotice Render(string incidentId, IncidentFacts facts, string jurisdiction, long affectedResidents)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rule = BreachObligations.RuleFor(jurisdiction, facts.DiscoveredAt);
        var headings = rule.NoticeHeadings ?? PlainHeadings;
        var title = rule.NoticeTitle ?? DefaultTitle;

        var happened = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Between {Day(facts.OccurredFrom)} and {Day(facts.OccurredTo)}, {facts.Description.Trim()} ")
            .Append(CultureInfo.InvariantCulture, $"We discovered the incident on {Day(facts.DiscoveredAt)}.");
        if (!rule.NoticeOmitsResidentCount)
        {
            happened.Append(CultureInfo.InvariantCulture, $" It affected {affectedResidents} {(affectedResidents == 1 ? "resident" : "residents")} of {jurisdiction}.");
        }

        var involved = $"The information involved: {string.Join(", ", facts.DataElements.Select(Describe))}."
            + (facts.Encrypted ? (facts.KeyCompromised ? " The data was encrypted, but the key was taken as well." : " The data was encrypted.") : string.Empty);
        var doing = string.IsNullOrWhiteSpace(facts.StepsTaken)
            ? "We closed the access used, are investigating with security specialists and are notifying the authorities the law requires."
            : facts.StepsTaken.Trim();
        var canDo = "Review your account statements and credit reports, change passwords you reused elsewhere, and be wary of messages asking for personal information."
            + (facts.DataElements.Contains(BreachDataElement.Ssn) ? " You may place a fraud alert or a security freeze with the credit bureaus free of charge." : string.Empty);
        var more = $"Write to {ContactAddress}, quoting reference {incidentId}.";

        BreachNoticeSection[] sections =
        [
            new() { Heading = headings[0], Body = happened.ToString() },
            new() { Heading = headings[1], Body = involved },
            new() { Heading = headings[2], Body = doing },
            new() { Heading = headings[3], Body = canDo },
            new() { Heading = headings[4], Body = more },
        ];

        var text = new StringBuilder().AppendLine(title).AppendLine();
        foreach (var section in sections)
        {
            text.AppendLine(section.Heading).AppendLine(section.Body).AppendLine();
        }

        return new BreachNotice { IncidentId = incidentId, Jurisdiction = jurisdiction, Title = title, Sections = sections, Text = text.ToString().TrimEnd() + "\n" };
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    private static string Describe(BreachDataElement element) => element switch
    {
        BreachDataElement.Name => "name",
        BreachDataElement.Email => "email address",
        BreachDataElement.Phone => "phone number",
        BreachDataElement.Address => "postal address",
        BreachDataElement.Ssn => "Social Security number",
        BreachDataElement.TaxpayerId => "taxpayer identification number",
        BreachDataElement.DriversLicense => "driver's license number",
        BreachDataElement.Passport => "passport number",
        BreachDataElement.GovernmentId => "government identification number",
        BreachDataElement.AccountNumber => "financial account number",
        BreachDataElement.AccountWithCode => "financial account number with its access code",
        BreachDataElement.Credentials => "username or email address with password",
        BreachDataElement.DateOfBirth => "date of birth",
        BreachDataElement.Medical => "medical information",
        BreachDataElement.HealthInsurance => "health insurance information",
        BreachDataElement.Biometric => "biometric data",
        BreachDataElement.IpAddress => "IP address",
        _ => EnumText.ToText(element),
    };
}
