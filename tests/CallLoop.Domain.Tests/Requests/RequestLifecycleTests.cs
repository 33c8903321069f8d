using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Requests;

public class RequestLifecycleTests
{
    private static CompleteRequest Complete(RequestOutcome outcome, DenialReason? reason = null, string? explanation = null) => new()
    {
        SubjectId = Scenario.SubjectId,
        RequestId = "r-1",
        Outcome = outcome,
        DenialReason = reason,
        Explanation = explanation,
    };

    private static VerifyIdentity Verify(VerificationMethod method, int points, bool declaration = false) => new()
    {
        SubjectId = Scenario.SubjectId,
        RequestId = "r-1",
        Method = method,
        DataPointsMatched = points,
        SignedDeclaration = declaration,
    };

    [Theory]
    [InlineData(RightsRequestType.KnowCategories, RequestOutcome.Fulfilled)]
    [InlineData(RightsRequestType.KnowSpecific, RequestOutcome.Fulfilled)]
    [InlineData(RightsRequestType.Delete, RequestOutcome.PartiallyFulfilled)]
    [InlineData(RightsRequestType.Correct, RequestOutcome.Fulfilled)]
    [InlineData(RightsRequestType.Portability, RequestOutcome.Fulfilled)]
    public void Given_unverified_request_When_fulfilled_Then_rejected(RightsRequestType type, RequestOutcome outcome)
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", type);

        var error = scenario.Rejected(Complete(outcome, explanation: "Some records are exempt."));

        Assert.Equal("request-not-verified", error.Rule);
    }

    [Fact]
    public void Given_unverified_request_When_denied_as_unverifiable_Then_completed()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.KnowSpecific);

        var completed = Assert.IsType<RightsRequestCompleted>(Assert.Single(
            scenario.When(Complete(RequestOutcome.Denied, DenialReason.Unverifiable, "We could not verify the requester."))));

        Assert.Equal(DenialReason.Unverifiable, completed.DenialReason);
    }

    [Fact]
    public void Given_open_request_When_denied_without_reason_Then_invalid_denial_reason()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete);

        Assert.Equal("denialReason", scenario.Invalid(Complete(RequestOutcome.Denied, explanation: "No.")).Field);
    }

    [Fact]
    public void Given_open_request_When_denied_without_explanation_Then_invalid_explanation()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete);

        Assert.Equal("explanation", scenario.Invalid(Complete(RequestOutcome.Denied, DenialReason.Exempt)).Field);
    }

    [Theory]
    [InlineData(RightsRequestType.KnowCategories, 1, false, false)]
    [InlineData(RightsRequestType.KnowCategories, 2, false, true)]
    [InlineData(RightsRequestType.KnowSpecific, 3, false, false)]
    [InlineData(RightsRequestType.KnowSpecific, 2, true, false)]
    [InlineData(RightsRequestType.KnowSpecific, 3, true, true)]
    [InlineData(RightsRequestType.Delete, 1, false, false)]
    [InlineData(RightsRequestType.Delete, 2, false, true)]
    public void Given_request_When_verified_by_data_points_Then_level_depends_on_type(RightsRequestType type, int points, bool declaration, bool accepted)
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", type);
        var command = Verify(VerificationMethod.DataPoints, points, declaration);

        if (accepted)
        {
            Assert.IsType<IdentityVerified>(Assert.Single(scenario.When(command)));
        }
        else
        {
            Assert.Equal("verification-insufficient", scenario.Rejected(command).Rule);
        }
    }

    [Fact]
    public void Given_know_specific_request_When_verified_by_login_Then_verified()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.KnowSpecific);

        var state = scenario.Then(Verify(VerificationMethod.Login, 0));

        Assert.True(state.Requests["r-1"].IsVerified);
        Assert.Equal(RightsRequestStatus.Verified, state.Requests["r-1"].Status);
    }

    [Fact]
    public void Given_verified_request_When_verification_failed_Then_rejected()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete).GivenVerified("r-1");

        var error = scenario.Rejected(new FailVerification { SubjectId = Scenario.SubjectId, RequestId = "r-1", Method = VerificationMethod.DataPoints });

        Assert.Equal("request-already-verified", error.Rule);
    }

    [Fact]
    public void Given_failed_verification_When_denied_Then_status_walks_the_lifecycle()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete)
            .Given(new FailVerification { SubjectId = Scenario.SubjectId, RequestId = "r-1", Method = VerificationMethod.DataPoints, DataPointsMatched = 1 });
        Assert.Equal("verification-failed", SubjectViews.ToRequestView(scenario.State, "r-1").Status);

        scenario.GivenCompleted("r-1", RequestOutcome.Denied, DenialReason.Unverifiable);

        var view = SubjectViews.ToRequestView(scenario.State, "r-1");
        Assert.Equal(("completed", RequestOutcome.Denied, DenialReason.Unverifiable), (view.Status, view.Outcome, view.DenialReason));
    }

    [Theory]
    [InlineData(RightsRequestType.OptOutSaleSharing)]
    [InlineData(RightsRequestType.LimitSensitive)]
    [InlineData(RightsRequestType.WithdrawConsent)]
    public void Given_request_needing_no_verification_When_fulfilled_unverified_Then_completed(RightsRequestType type)
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", type);

        Assert.IsType<RightsRequestCompleted>(scenario.When(Complete(RequestOutcome.Fulfilled))[0]);
    }

    [Fact]
    public void Given_opt_out_request_When_fulfilled_Then_opted_out_of_sale_sharing_targeted_advertising_and_profiling()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.OptOutSaleSharing);

        var events = scenario.When(Complete(RequestOutcome.Fulfilled));

        var optOuts = events.OfType<OptedOut>().ToList();
        Assert.Equal([OptOutScope.Sale, OptOutScope.Sharing, OptOutScope.TargetedAdvertising, OptOutScope.Profiling], optOuts.Select(o => o.Scope));
        Assert.All(optOuts, o => Assert.Equal((PreferenceMethod.Request, "r-1"), (o.Method, o.RequestId)));
    }

    [Fact]
    public void Given_limit_request_When_fulfilled_Then_opted_out_of_sensitive_use()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.LimitSensitive);

        var state = scenario.Then(Complete(RequestOutcome.Fulfilled));

        Assert.True(state.IsOptedOut(OptOutScope.SensitiveUse));
    }

    [Fact]
    public void Given_marketing_consents_When_withdraw_consent_request_fulfilled_Then_marketing_consents_withdrawn()
    {
        var scenario = Scenario.Registered("CAN")
            .Given(
                new GrantConsent { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.MarketingSms, Basis = ConsentBasis.Express, NoticeVersion = "v1" },
                new GrantConsent { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.MarketingEmail, Basis = ConsentBasis.Implied, NoticeVersion = "v1" })
            .GivenRequest("r-1", RightsRequestType.WithdrawConsent);

        var state = scenario.Then(Complete(RequestOutcome.Fulfilled));

        Assert.False(state.HasConsent(ConsentPurpose.MarketingSms));
        Assert.False(state.HasConsent(ConsentPurpose.MarketingEmail));
        Assert.False(ContactPolicy.CanContact(state, ContactChannel.Email, MessageKind.Marketing).Allowed);
    }

    [Fact]
    public void Given_verified_delete_request_When_fulfilled_Then_erasure_started()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete).GivenVerified("r-1");

        var erasure = scenario.When(Complete(RequestOutcome.Fulfilled)).OfType<ErasureStarted>().Single();

        Assert.Equal((ErasureReason.DeleteRequest, "r-1"), (erasure.Reason, erasure.RequestId));
    }

    [Fact]
    public void Given_verified_delete_request_When_denied_Then_no_erasure()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Delete).GivenVerified("r-1");

        var events = scenario.When(Complete(RequestOutcome.Denied, DenialReason.Exempt, "Records kept for tax law."));

        Assert.Empty(events.OfType<ErasureStarted>());
    }

    [Fact]
    public void Given_verified_terminate_request_When_fulfilled_Then_account_deactivated()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.TerminateAccount).GivenVerified("r-1");

        var state = scenario.Then(Complete(RequestOutcome.Fulfilled));

        Assert.False(state.IsActive);
    }

    [Fact]
    public void Given_verified_restrict_request_When_fulfilled_Then_processing_restricted()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.Restrict).GivenVerified("r-1");

        Assert.True(scenario.Then(Complete(RequestOutcome.Fulfilled)).IsRestricted);
    }

    [Fact]
    public void Given_completed_request_When_any_step_but_appeal_Then_rejected()
    {
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.OptOutSaleSharing)
            .GivenCompleted("r-1", RequestOutcome.Fulfilled);

        Assert.Equal("request-already-completed", scenario.Rejected(Complete(RequestOutcome.Fulfilled)).Rule);
        Assert.Equal("request-already-completed", scenario.Rejected(Verify(VerificationMethod.Login, 0)).Rule);
        Assert.Equal("request-already-completed", scenario.Rejected(new ConfirmReceipt { SubjectId = Scenario.SubjectId, RequestId = "r-1" }).Rule);
    }

    [Fact]
    public void Given_received_request_When_receipt_confirmed_twice_Then_second_has_no_events()
    {
        var confirm = new ConfirmReceipt { SubjectId = Scenario.SubjectId, RequestId = "r-1" };
        var scenario = Scenario.Registered().GivenRequest("r-1", RightsRequestType.KnowCategories).Given(confirm);

        Assert.Equal(Scenario.Now, scenario.Request("r-1").ReceiptConfirmedAt);
        Assert.Empty(scenario.When(confirm));
    }

    [Fact]
    public void Given_unknown_request_When_completed_Then_request_not_found()
    {
        Assert.Throws<RequestNotFoundException>(() => Scenario.Registered().When(Complete(RequestOutcome.Fulfilled)));
    }

    [Fact]
    public void Given_full_lifecycle_When_projected_Then_statuses_are_kebab_case()
    {
        var scenario = Scenario.Registered("VA").GivenRequest("r-1", RightsRequestType.Delete);
        var statuses = new List<string> { SubjectViews.ToRequestView(scenario.State, "r-1").Status };

        scenario.GivenVerified("r-1");
        statuses.Add(SubjectViews.ToRequestView(scenario.State, "r-1").Status);
        scenario.Given(new ExtendRequest { SubjectId = Scenario.SubjectId, RequestId = "r-1", Reason = "Complex request." });
        statuses.Add(SubjectViews.ToRequestView(scenario.State, "r-1").Status);
        scenario.GivenCompleted("r-1", RequestOutcome.PartiallyFulfilled, DenialReason.Exempt);
        statuses.Add(SubjectViews.ToRequestView(scenario.State, "r-1").Status);
        scenario.Given(new FileAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1" });
        statuses.Add(SubjectViews.ToRequestView(scenario.State, "r-1").Status);
        scenario.Given(new DecideAppeal { SubjectId = Scenario.SubjectId, RequestId = "r-1", Outcome = AppealOutcome.Upheld, Explanation = "Exemption applies." });
        statuses.Add(SubjectViews.ToRequestView(scenario.State, "r-1").Status);

        Assert.Equal(["received", "verified", "extended", "completed", "appealed", "appeal-decided"], statuses);
        var view = SubjectViews.ToRequestView(scenario.State, "r-1");
        Assert.True(view.Extended);
        Assert.Equal(Scenario.Now.AddDays(90), view.DueAt);
        Assert.Equal(Scenario.Now.AddDays(60), view.AppealDueAt);
    }
}
