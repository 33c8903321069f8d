using System.Text.Json;
using Bunit;
using CallLoop.Console.Components.Deliveries;
using CallLoop.Console.Components.Subjects;
using CallLoop.Console.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CallLoop.Console.Tests.Components;

/// <summary>Re-send and waive on real dead-lettered deliveries: the buttons reach the API and it acts; only admins see them.</summary>
[Collection(DeliverySiloCollection.Name)]
public sealed class DeliveryActionsTests(DeliverySilo deliveries)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Admin_waives_a_dead_lettered_delivery_on_the_subject_page_with_a_reason_and_the_API_records_the_waiver()
    {
        var (subjectId, deliveryId) = await deliveries.DeadLetteredDeliveryAsync();
        await using var context = SignedIn.Against(deliveries.Silo, "admin-bunit", "admin");
        var table = context.Render<SubjectDeliveries>(p => p.Add(d => d.SubjectId, subjectId));
        table.WaitForAssertion(() => Assert.NotNull(table.Find($"[data-delivery='{deliveryId}'][data-action='waive']")), Patience);

        table.Find($"[data-delivery='{deliveryId}'] input").Change("Processor closed; confirmed with its liquidator.");
        table.Find($"[data-delivery='{deliveryId}'][data-action='waive']").Click();

        using var admin = deliveries.Silo.ClientAs("admin-api", "admin");
        var waivedDelivery = await DeliverySilo.UntilAsync(admin, subjectId, d => d.GetProperty("deliveryId").GetString() == deliveryId && d.GetProperty("status").GetString() == "waived");
        Assert.Equal("waived", waivedDelivery.GetProperty("status").GetString());
        table.WaitForAssertion(() => Assert.Empty(table.FindAll($"[data-delivery='{deliveryId}'][data-action]")), Patience);
        using var officer = deliveries.Silo.ClientAs("officer-api", "privacy-officer");
        using var request = JsonDocument.Parse(await officer.GetStringAsync($"api/subjects/{subjectId}/requests/del-1"));
        var waiver = Assert.Single(request.RootElement.GetProperty("processorsWaived").EnumerateArray().ToArray());
        Assert.Equal("admin-bunit", waiver.GetProperty("waivedBy").GetString());

        // The reason is free text: the request view withholds it, the audited history has it, with who waived.
        using var history = JsonDocument.Parse(await officer.GetStringAsync($"api/subjects/{subjectId}/history?purpose=legal-compliance"));
        var waived = history.RootElement.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "processor_delivery_waived");
        Assert.Equal(("Processor closed; confirmed with its liquidator.", "admin-bunit"), (waived.GetProperty("event").GetProperty("reason").GetString(), waived.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Admin_resends_a_dead_lettered_delivery_from_the_deliveries_page_and_the_silo_attempts_it_again()
    {
        var (subjectId, deliveryId) = await deliveries.DeadLetteredDeliveryAsync();
        await deliveries.UntilDeadLetterQueueListsAsync(deliveryId);
        await using var context = SignedIn.Against(deliveries.Silo, "admin-bunit", "admin");
        var page = context.Render<DeliveriesPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-delivery='{deliveryId}'][data-action='redeliver']")), Patience);

        page.Find($"[data-delivery='{deliveryId}'][data-action='redeliver']").Click();

        // The processor is still unreachable: one more attempt, then dead-lettered again.
        using var admin = deliveries.Silo.ClientAs("admin-api", "admin");
        var again = await DeliverySilo.UntilAsync(admin, subjectId, d => d.GetProperty("deliveryId").GetString() == deliveryId && d.GetProperty("attempts").GetInt32() > DeliverySilo.MaxAttempts);
        Assert.Equal(DeliverySilo.MaxAttempts + 1, again.GetProperty("attempts").GetInt32());
        Assert.Empty(page.FindAll("[data-testid='refusal']"));
    }

    [Fact]
    public async Task Deliveries_page_reads_one_page_at_a_time_from_the_API_and_counts_every_match()
    {
        var (_, firstId) = await deliveries.DeadLetteredDeliveryAsync();
        var (_, secondId) = await deliveries.DeadLetteredDeliveryAsync();
        await deliveries.UntilDeadLetterQueueListsAsync(firstId);
        await deliveries.UntilDeadLetterQueueListsAsync(secondId);
        using var admin = deliveries.Silo.ClientAs("admin-api", "admin");
        using var counts = JsonDocument.Parse(await admin.GetStringAsync("api/deliveries/counts"));
        var deadLettered = counts.RootElement.GetProperty("byStatus").GetProperty("dead-lettered").GetInt64();
        await using var context = SignedIn.Against(deliveries.Silo, "admin-bunit", "admin");
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("pageSize", 1));

        var page = context.Render<DeliveriesPage>();

        string[] Listed() => [.. page.FindAll("[data-queued-delivery]").Select(a => a.GetAttribute("data-queued-delivery")!)];
        page.WaitForAssertion(() => Assert.Single(Listed()), Patience);
        Assert.True(deadLettered >= 2);
        Assert.Equal($"{deadLettered} deliveries dead-lettered", page.Find("[data-testid='delivery-count']").TextContent.Trim());
        Assert.Equal($"Page 1 of {deadLettered}", page.Find("[data-testid='deliveries-page']").TextContent.Trim());
        var first = Listed();
        page.Find("[data-testid='deliveries-next']").Click();
        page.WaitForAssertion(() => Assert.NotEqual(first, Listed()), Patience);
        Assert.Equal($"Page 2 of {deadLettered}", page.Find("[data-testid='deliveries-page']").TextContent.Trim());
        page.Find("[data-testid='deliveries-previous']").Click();
        page.WaitForAssertion(() => Assert.Equal(first, Listed()), Patience);
    }

    [Theory]
    [InlineData("privacy-officer")]
    [InlineData("analyst")]
    public async Task Given_another_role_the_subject_page_offers_no_resend_or_waive(string role)
    {
        var (subjectId, deliveryId) = await deliveries.DeadLetteredDeliveryAsync();
        await using var context = SignedIn.Against(deliveries.Silo, $"{role}-bunit", role);

        var page = context.Render<SubjectPage>(p => p.Add(s => s.SubjectId, subjectId));

        page.WaitForAssertion(() => Assert.Contains("Read audit", page.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(page.FindAll("[data-action]"));
        Assert.DoesNotContain("Processor deliveries", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(deliveryId, page.Markup, StringComparison.Ordinal);
    }
}
