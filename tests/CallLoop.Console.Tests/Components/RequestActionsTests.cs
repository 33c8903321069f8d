using Bunit;
using CallLoop.Console.Api;
using CallLoop.Console.Components.Requests;

namespace CallLoop.Console.Tests.Components;

public sealed class RequestActionsTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static RightsRequestView Delete(string status) => new()
    {
        RequestId = "r-1",
        Type = "delete",
        Status = status,
        Jurisdiction = "CA",
        Channel = "web-form",
        ReceivedAt = Received,
        DueAt = Received.AddDays(45),
        ConfirmationDueAt = Received.AddDays(10),
    };

    private static async Task<string[]> FormsFor(RightsRequestView request)
    {
        await using var context = SignedIn.As("privacy-officer");
        var actions = context.Render<RequestActions>(p => p.Add(a => a.SubjectId, "s-1").Add(a => a.Request, request));
        return [.. actions.FindAll("[data-form]").Select(f => f.GetAttribute("data-form")!)];
    }

    [Fact]
    public async Task Given_a_new_request_When_shown_Then_it_offers_receipt_verification_extension_and_completion()
    {
        Assert.Equal(["receipt-confirmation", "verification", "extension", "completion"], await FormsFor(Delete("received")));
    }

    [Fact]
    public async Task Given_a_verified_and_extended_request_When_shown_Then_only_completion_remains()
    {
        var request = Delete("extended") with { ReceiptConfirmedAt = Received.AddDays(1), VerifiedAt = Received.AddDays(2), Extended = true };
        Assert.Equal(["completion"], await FormsFor(request));
    }

    [Fact]
    public async Task Given_a_completed_request_When_shown_Then_no_action_is_offered()
    {
        var request = Delete("completed") with { VerifiedAt = Received.AddDays(2), CompletedAt = Received.AddDays(3), Outcome = "fulfilled" };
        Assert.Empty(await FormsFor(request));
    }

    [Fact]
    public async Task Given_an_appealed_request_When_shown_Then_only_the_appeal_decision_is_offered()
    {
        var request = Delete("appealed") with { VerifiedAt = Received.AddDays(2), CompletedAt = Received.AddDays(3), Outcome = "denied", AppealFiledAt = Received.AddDays(20) };
        Assert.Equal(["appeal/decision"], await FormsFor(request));
    }

    [Fact]
    public async Task Given_a_denied_request_the_law_lets_appeal_When_shown_Then_filing_the_appeal_is_offered()
    {
        var request = Delete("completed") with { VerifiedAt = Received.AddDays(2), CompletedAt = Received.AddDays(3), Outcome = "denied", AppealAvailable = true };
        Assert.Equal(["appeal"], await FormsFor(request));
    }

    [Fact]
    public async Task Given_an_appeal_the_law_lets_extend_When_shown_Then_extension_and_decision_are_offered()
    {
        var request = Delete("appealed") with { VerifiedAt = Received.AddDays(2), CompletedAt = Received.AddDays(3), Outcome = "denied", AppealFiledAt = Received.AddDays(20), AppealExtensionAvailable = true };
        Assert.Equal(["appeal/extension", "appeal/decision"], await FormsFor(request));
    }

    [Fact]
    public void Timeline_lists_the_steps_in_the_order_they_happened_with_undated_ones_last()
    {
        var request = Delete("completed") with { ReceiptConfirmedAt = Received.AddDays(1), VerifiedAt = Received.AddDays(2), Extended = true, CompletedAt = Received.AddDays(3), ErasedAt = Received.AddDays(3) };
        Assert.Equal(
            ["Received", "Receipt confirmed", "Identity verified", "Completed", "Personal data erased", "Deadline extended"],
            RequestTimeline.Steps(request).Select(s => s.Name));
    }

    [Fact]
    public async Task Timeline_says_who_took_each_step_the_system_for_reminders_and_dates_the_extension_by_its_event()
    {
        var request = Delete("extended") with { ReceiptConfirmedAt = Received.AddDays(1), Extended = true, DueSoonWarnedAt = Received.AddDays(40) };
        IReadOnlyList<RequestTimelineEntry> events =
        [
            new(2, "rights_request_received", Received, "officer-ana"),
            new(3, "rights_request_receipt_confirmed", Received.AddDays(1), "officer-ana"),
            new(4, "rights_request_extended", Received.AddDays(5), "officer-ben"),
            new(5, "rights_request_due_soon", Received.AddDays(40), null),
        ];
        await using var context = SignedIn.As("privacy-officer");

        var timeline = context.Render<RequestTimeline>(p => p.Add(t => t.Request, request).Add(t => t.Events, events));

        Assert.Equal(["Received", "Receipt confirmed", "Deadline extended", "Due-soon reminder"], timeline.FindAll("[data-step]").Select(e => e.GetAttribute("data-step")));
        Assert.Equal(["officer-ana", "officer-ana", "officer-ben", RequestTimeline.System], timeline.FindAll("[data-who]").Select(e => e.GetAttribute("data-who")));
        Assert.Contains("by officer-ben", timeline.Markup, StringComparison.Ordinal);
        Assert.Contains(RequestTimeline.Withheld, timeline.Markup, StringComparison.Ordinal);
    }
}
