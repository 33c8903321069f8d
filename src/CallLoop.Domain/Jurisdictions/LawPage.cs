using System.Globalization;
using System.Text;

namespace CallLoop.Domain;

/// <summary>
/// docs/law.md, rendered from <see cref="JurisdictionTable"/> so the published page is the code's table. Regenerate it with
/// <c>CALLLOOP_WRITE_LAW_PAGE=1 dotnet test tests/CallLoop.Domain.Tests --filter LawPageTests</c>; the same test fails when it is stale.
/// </summary>
public static class LawPage
{
    public static string Render()
    {
        var page = new StringBuilder();
        page.Append("""
            # The law table

            Generated from `src/CallLoop.Domain/Jurisdictions/JurisdictionTable.cs`; do not edit by hand. Regenerate with
            `CALLLOOP_WRITE_LAW_PAGE=1 dotnet test tests/CallLoop.Domain.Tests --filter LawPageTests` (the test fails while
            this page differs from the code).

            Days are calendar days from the request's receipt unless marked "business days". A row applies to requests
            received on or after its "from" date (UTC); before it, the row above for the same code applies.

            | code | from | law | respond | extension | appeal answered within | appeal extension | complaint to | GPC required from | confirm receipt | opt-out / limit within | not offered | sensitive data | Shine the Light | notes |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|

            """);
        foreach (var row in JurisdictionTable.Rows)
        {
            page.Append(CultureInfo.InvariantCulture, $"| {row.Code} | {Date(row.EffectiveFrom)} | {row.LawName} | {row.RespondDays} | +{row.ExtensionDays} | ")
                .Append(CultureInfo.InvariantCulture, $"{Days(row.AppealAnswerDays, "no appeal")} | {Extra(row.AppealExtensionDays)} | {row.ComplaintAuthority} | {Date(row.GpcRequiredFrom)} | ")
                .Append(CultureInfo.InvariantCulture, $"{BusinessDays(row.ConfirmationBusinessDays)} | {OptOut(row)} | {NotOffered(row)} | {Sensitive(row)} | {Days(row.ShineTheLightDays, "—")} | {row.Notes} |\n");
        }

        var policy = JurisdictionTable.OtherUsState("NY");
        page.Append(CultureInfo.InvariantCulture, $"""

            ## Every other US state and territory

            Residents of any other USPS state, district, territory or military code are registered under their own code and
            get the company policy: respond within {policy.RespondDays} days (+{policy.ExtensionDays}), appeals answered within
            {policy.AppealAnswerDays} days, complaints to the state's attorney general, GPC honoured everywhere. Codes:
            {string.Join(", ", JurisdictionTable.OtherUsCodes)}. Any other code is refused (`400`, field `jurisdiction`).

            ## Rules that apply everywhere

            - An opt-out request opts out of sale, sharing, targeted advertising and profiling.
            - Opt-out and limit-sensitive requests need no verification and are refused only for a documented belief of fraud.
            - Limit-sensitive: sensitive personal information (category L) is then collected and used only for {Purposes()}.
            - A reversed appeal reopens the request, due again in `CallLoop:Deadlines:ReopenedDueDays` days (default {SubjectPolicy.DefaultReopenedDueDays}).

            """);
        return page.ToString();
    }

    private static string Purposes() => string.Join(", ", SensitivePurposes.Permitted.Select(p => EnumText.ToText(p)).Order(StringComparer.Ordinal));

    private static string Date(DateOnly date) => date == DateOnly.MinValue ? "always" : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not required";

    private static string Days(int? days, string none) => days is { } d ? d.ToString(CultureInfo.InvariantCulture) : none;

    private static string Extra(int? days) => days is { } d ? $"+{d}" : "—";

    private static string BusinessDays(int? days) => days is { } d ? $"{d} business days" : "—";

    private static string OptOut(JurisdictionRule row) => row switch
    {
        { OptOutBusinessDays: { } d } => $"{d} business days",
        { OptOutCalendarDays: { } d } => $"{d}",
        _ => $"{row.RespondDays}",
    } + (row.OptOutCoversSaleOnly ? " (statute: sale only)" : string.Empty);

    private static string NotOffered(JurisdictionRule row) =>
        row.RightsNotOffered.Count == 0 ? "—" : string.Join(", ", row.RightsNotOffered.Select(t => EnumText.ToText(t)).Order(StringComparer.Ordinal));

    private static string Sensitive(JurisdictionRule row) => row switch
    {
        { SensitiveOnlyWhenStrictlyNecessary: true } => "only where strictly necessary; never sold",
        { SensitiveDataNeedsConsent: true } => "opt-in consent",
        _ => "notice; limit right",
    };
}
