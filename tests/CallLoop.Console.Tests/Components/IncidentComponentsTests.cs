using System.Reflection;
using Bunit;
using CallLoop.Console.Api;
using CallLoop.Console.Components.Incidents;
using Microsoft.AspNetCore.Authorization;

namespace CallLoop.Console.Tests.Components;

public sealed class IncidentComponentsTests
{
    private static readonly DateTimeOffset Discovered = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Obligation_queue_marks_overdue_and_due_soon_and_links_each_incident()
    {
        await using var context = SignedIn.As("privacy-officer");
        IncidentObligationItem[] items =
        [
            new("inc-1", "WA", "individuals", "overdue", Discovered.AddDays(30), null, 2, Discovered),
            new("inc-1", "FL", "regulator", "due-soon", Discovered.AddDays(40), null, 600, Discovered),
            new("inc/2", "TX", "individuals", "open", Discovered.AddDays(60), null, 3, Discovered),
        ];

        var queue = context.Render<ObligationQueue>(p => p.Add(q => q.Items, items));

        Assert.Equal(["overdue", "soon", "open"], queue.FindAll("[data-due]").Select(e => e.GetAttribute("data-due")));
        Assert.Equal(["/incidents/inc-1", "/incidents/inc-1", "/incidents/inc%2F2"], queue.FindAll("a[data-incident]").Select(a => a.GetAttribute("href")));
        Assert.Contains("overdue: 1", queue.Find("[data-testid=count-overdue]").TextContent, StringComparison.Ordinal);
        Assert.Contains("due soon: 1", queue.Find("[data-testid=count-due-soon]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incident_page_shows_each_jurisdiction_with_its_three_obligations()
    {
        await using var context = SignedIn.As("admin");
        var incident = new IncidentDetail(
            "inc-1",
            new IncidentFactsSummary(Discovered, Discovered.AddDays(-20), Discovered.AddDays(-10), "a stolen laptop"),
            new IncidentAssessment("completed", 67, 67, 1602),
            1602,
            [
                new("FL", "501.171", 1600, 1599, 0, true, "required", Discovered.AddDays(30), "overdue", "Department of Legal Affairs", true, Discovered.AddDays(30), "met", false, true, null, "open"),
                new("CA", "Civ. Code 1798.82", 1200, 1200, 0, true, "required", Discovered.AddDays(30), "open", "Attorney General", true, null, "open", false, true, null, "open", CreditBureausThresholdUnverified: true),
                new("NJ", "56:8-163", 2, 2, 0, true, "required", Discovered.AddDays(30), "open", "Division of State Police", true, Discovered.AddDays(30), "due-soon", true, false, null, "not-required", IndividualNoticesAwaitRegulator: true),
            ]);

        var rendered = context.Render<IncidentObligations>(p => p.Add(i => i.Incident, incident));

        var florida = rendered.Find("tr[data-jurisdiction=FL]");
        Assert.Equal("overdue", florida.QuerySelector("[data-obligation=individuals] [data-due]")!.GetAttribute("data-due"));
        Assert.Equal("met", florida.QuerySelector("[data-obligation=regulator] [data-due]")!.GetAttribute("data-due"));
        Assert.Equal("open", florida.QuerySelector("[data-obligation=credit-bureaus] [data-due]")!.GetAttribute("data-due"));
        var newJersey = rendered.Find("tr[data-jurisdiction=NJ]");
        Assert.Contains("before the people", newJersey.QuerySelector("[data-obligation=regulator]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("not-required", newJersey.QuerySelector("[data-obligation=credit-bureaus] [data-due]")!.GetAttribute("data-due"));
        var waiting = newJersey.QuerySelector("[data-obligation=individuals] [data-testid=awaits-regulator]")!.TextContent;
        Assert.Contains("Division of State Police told first", waiting, StringComparison.Ordinal);
        Assert.Contains("regulator-before-individuals", waiting, StringComparison.Ordinal);
        Assert.Null(florida.QuerySelector("[data-testid=awaits-regulator]"));
        Assert.Null(florida.QuerySelector("[data-testid=bureaus-unverified]"));
        Assert.Contains("threshold unverified", rendered.Find("tr[data-jurisdiction=CA] [data-obligation=credit-bureaus] [data-testid=bureaus-unverified]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("privacy-officer", true)]
    [InlineData("admin", false)]
    public async Task Failed_assessment_shows_type_and_attempts_and_only_a_privacy_officer_gets_the_restart(string role, bool restart)
    {
        await using var context = SignedIn.As(role);
        var failed = new IncidentAssessment("failed", 0, 67, 0, 5, "PostgresException", Discovered.AddDays(1));

        var rendered = context.Render<AssessmentFailure>(p => p.Add(f => f.IncidentId, "inc-1").Add(f => f.Assessment, failed));

        var alert = rendered.Find("[data-testid=assessment-failed]").TextContent;
        Assert.Contains("failed 5 times (PostgresException)", alert, StringComparison.Ordinal);
        Assert.Contains("2026-11-02 09:00 UTC", alert, StringComparison.Ordinal);
        Assert.Equal(restart ? 1 : 0, rendered.FindAll("[data-action=restart-assessment]").Count);
        Assert.Equal(restart ? 0 : 1, rendered.FindAll("[data-testid=restart-not-allowed]").Count);
    }

    [Theory]
    [InlineData(typeof(IncidentQueuePage))]
    [InlineData(typeof(IncidentPage))]
    public void Incident_pages_are_for_privacy_officers_and_admins_only(Type page)
    {
        var roles = page.GetCustomAttribute<AuthorizeAttribute>()!.Roles!.Split(',');

        Assert.Equal(["admin", "privacy-officer"], roles.Order());
    }
}
