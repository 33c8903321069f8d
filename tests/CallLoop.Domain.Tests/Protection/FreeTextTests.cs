using System.Text.Json;
using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Protection;

/// <summary>Staff write names and emails into evidence, reasons and explanations: each is a personal value of the subject.</summary>
public class FreeTextTests
{
    private const string Email = "pat@example.com";

    [Fact]
    public void Given_events_with_free_text_When_values_listed_Then_each_text_is_an_identifier_and_sealing_leaves_none_in_clear()
    {
        var events = new SubjectEvent[]
        {
            new ConsentGranted { Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Express, NoticeVersion = "v1", Evidence = $"ticked by {Email}" },
            new ConsentWithdrawn { Purpose = ConsentPurpose.MarketingEmail, Evidence = $"{Email} phoned" },
            new RightsRequestExtended { RequestId = "r-1", Reason = $"waiting on {Email}" },
            new RightsRequestCompleted { RequestId = "r-1", Outcome = RequestOutcome.Denied, Explanation = $"{Email} did not answer" },
            new RightsRequestAwaitingProcessors { RequestId = "r-1", Outcome = RequestOutcome.Fulfilled, Explanation = $"done for {Email}" },
            new IdentityVerificationFailed { RequestId = "r-1", Method = VerificationMethod.Login, Reason = $"{Email} unknown" },
            new AppealFiled { RequestId = "r-1", Reason = $"{Email} disagrees" },
            new AppealDecided { RequestId = "r-1", Outcome = AppealOutcome.Upheld, Explanation = $"told {Email}" },
            new AppealExtended { RequestId = "r-1", Reason = $"{Email} sent more" },
            new ProcessingRestricted { Reason = $"{Email} contests" },
            new ProcessingRestrictionLifted { Reason = $"{Email} agreed" },
            new ProcessorDeliveryWaived { DeliveryId = "dl-1", Processor = "Acme", Reason = $"Acme deleted {Email}", WaivedBy = "admin-1" },
            new WebhookRedeliveryRequested { DeliveryId = "dl-1", Processor = "Acme", Reason = $"{Email} asked again" },
            new MinorDetected { Evidence = $"{Email} said 15" },
        };

        foreach (var e in events)
        {
            var value = Assert.Single(PersonalValues.Of(e));
            Assert.Equal(PersonalInformationCategory.Identifiers, value.Category);
            Assert.Contains(Email, value.Value, StringComparison.Ordinal);
            Assert.Contains(e.GetType(), PersonalValues.CarryingTypes);
            var sealedEvent = PersonalValues.Map(e, _ => "pii:1:A1:c2VhbGVk");
            Assert.DoesNotContain(Email, JsonSerializer.Serialize(sealedEvent, e.GetType(), DomainJson.Options), StringComparison.Ordinal);
            Assert.DoesNotContain(Email, JsonSerializer.Serialize(PersonalValues.Withhold(e), e.GetType(), DomainJson.Options), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_codes_and_hold_reasons_When_values_listed_Then_they_stay_in_clear()
    {
        Assert.Empty(PersonalValues.Of(new OptedOut { Scope = OptOutScope.MarketingSms, Method = PreferenceMethod.SmsKeyword, Reason = "phrase:stop" }));
        Assert.Empty(PersonalValues.Of(new LegalHoldPlaced { HoldId = "h-1", Categories = [PersonalInformationCategory.CommercialInformation], Reason = "litigation 24-CV-1" }));
        Assert.Empty(PersonalValues.Of(new AccountDeactivated { Reason = "minor" }));
        Assert.Empty(PersonalValues.Of(new RightsRequestExtended { RequestId = "r-1", Reason = string.Empty }));
    }

    [Fact]
    public void Given_a_consent_whose_values_come_back_unchanged_When_mapped_Then_it_is_returned_as_is_and_a_changed_value_still_makes_a_copy()
    {
        // Every append lists its events' values, and every profile withholds its consents' free text: a grant without any
        // (the usual case) must not be copied for either.
        var plain = new ConsentGranted { Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.Express, NoticeVersion = "v1" };
        var withValues = plain with { Evidence = $"ticked by {Email}", ConsentedNumber = "+15615550100" };
        var record = new ConsentRecord { Purpose = ConsentPurpose.MarketingSms, Granted = true, NoticeVersion = "v1" };
        var recordWithEvidence = record with { Evidence = $"ticked by {Email}" };

        Assert.Empty(PersonalValues.Of(plain));
        Assert.Same(plain, PersonalValues.Map(plain, v => v.Value));
        Assert.Same(withValues, PersonalValues.Map(withValues, v => v.Value));
        Assert.Same(record, FreeText.Withhold(record));

        var sealedGrant = Assert.IsType<ConsentGranted>(PersonalValues.Map(withValues, v => $"sealed:{v.Field}"));
        Assert.Equal(("sealed:consent.evidence", "sealed:consent.consentedNumber"), (sealedGrant.Evidence, sealedGrant.ConsentedNumber));
        Assert.Equal(($"ticked by {Email}", "+15615550100"), (withValues.Evidence, withValues.ConsentedNumber));
        Assert.Null(FreeText.Withhold(recordWithEvidence).Evidence);
        Assert.Equal($"ticked by {Email}", recordWithEvidence.Evidence);
    }

    [Fact]
    public void Given_subject_with_free_text_When_profile_built_without_audit_Then_text_withheld_and_audited_profile_shows_it()
    {
        var state = WithFreeText().State;

        var withheld = SubjectViews.ToProfile(state);
        var personal = SubjectViews.ToPersonalProfile(state);

        Assert.DoesNotContain(Email, Json(withheld), StringComparison.Ordinal);
        Assert.Equal(($"ticked by {Email}", $"waiting on {Email}", $"{Email} did not answer"), (personal.Consents.Single().Evidence, personal.Requests.Single().ExtensionReason, personal.Requests.Single().Explanation));
        Assert.True(withheld.Requests.Single().Extended);
        Assert.Equal(DenialReason.Unverifiable, withheld.Requests.Single().DenialReason);
    }

    [Fact]
    public void Given_several_consents_and_requests_with_free_text_When_profile_built_without_audit_Then_each_withheld_and_in_order()
    {
        var state = WithFreeText()
            .Given(new GrantConsent { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.Analytics, Basis = ConsentBasis.Express, NoticeVersion = "v1", Evidence = $"clicked by {Email}" })
            .GivenRequest("r-2", RightsRequestType.KnowCategories)
            .Given(new ExtendRequest { SubjectId = Scenario.SubjectId, RequestId = "r-2", Reason = $"still waiting on {Email}" })
            .State;

        var withheld = SubjectViews.ToProfile(state);

        Assert.DoesNotContain(Email, Json(withheld), StringComparison.Ordinal);
        Assert.Equal(state.Consents.Keys.Order(), withheld.Consents.Select(c => c.Purpose));
        Assert.Equal(["r-1", "r-2"], withheld.Requests.Select(r => r.RequestId));
        Assert.All(withheld.Consents, c => Assert.Null(c.Evidence));
        Assert.Equal(2, SubjectViews.ToPersonalProfile(state).Consents.Count(c => c.Evidence?.Contains(Email, StringComparison.Ordinal) == true));
    }

    [Fact]
    public void Given_subject_with_free_text_When_state_values_listed_Then_free_text_is_among_them_for_sealed_snapshots()
    {
        var state = WithFreeText().State;

        var texts = PersonalValues.Of(state).Where(v => v.Field.Contains('.', StringComparison.Ordinal)).Select(v => v.Field).ToArray();
        var sealedState = PersonalValues.Map(state, _ => "pii:1:A1:c2VhbGVk");

        Assert.Equal([FreeText.ConsentEvidenceField, FreeText.ExtensionReasonField, FreeText.ExplanationField], texts);
        Assert.DoesNotContain(Email, Json(SubjectViews.ToPersonalProfile(sealedState)), StringComparison.Ordinal);
    }

    private static Scenario WithFreeText() => Scenario.Registered()
        .Given(new GrantConsent { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Express, NoticeVersion = "v1", Evidence = $"ticked by {Email}" })
        .GivenRequest("r-1", RightsRequestType.Delete)
        .Given(new ExtendRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Reason = $"waiting on {Email}" })
        .Given(new CompleteRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = RequestOutcome.Denied, DenialReason = DenialReason.Unverifiable, Explanation = $"{Email} did not answer" });

    private static string Json(SubjectProfile profile) => JsonSerializer.Serialize(profile, DomainJson.Options);
}
