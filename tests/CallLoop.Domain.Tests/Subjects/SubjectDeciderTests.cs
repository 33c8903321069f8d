using System.Security.Cryptography;
using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Subjects;

public class SubjectDeciderTests
{
    private static OptOut OptOutOfSale(string subjectId = Scenario.SubjectId, string? key = null) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = key,
        Scope = OptOutScope.Sale,
        Method = PreferenceMethod.Request,
    };

    [Fact]
    public void Given_unregistered_subject_When_collecting_Then_subject_not_found()
    {
        var command = new CollectPersonalInformation
        {
            SubjectId = Scenario.SubjectId,
            Category = PersonalInformationCategory.Identifiers,
            Source = CollectionSource.Direct,
            Purposes = [ProcessingPurpose.ProvideServices],
            Data = new Dictionary<string, string> { ["email"] = "a@example.com" },
        };

        var error = Assert.Throws<SubjectNotFoundException>(() => Scenario.Unregistered().When(command));
        Assert.Equal(Scenario.SubjectId, error.SubjectId);
    }

    [Fact]
    public void Given_seen_idempotency_key_When_another_command_payload_or_caller_uses_it_Then_key_reused_and_retry_still_silent()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        IReadOnlyList<SubjectEvent> Decide(SubjectState state, SubjectCommand command, string caller) =>
            SubjectDecider.Decide(state, command, Scenario.Now, caller, SubjectPolicy.Default, IdempotencyFingerprint.Of(command, caller, "A1", key));
        var scenario = Scenario.Registered();
        var state = Decide(scenario.State, OptOutOfSale(key: "key-1"), "service:crm").Aggregate(scenario.State, SubjectEvolver.Evolve);

        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, new OptBackIn { SubjectId = Scenario.SubjectId, IdempotencyKey = "key-1", Scope = OptOutScope.Sale, Method = PreferenceMethod.Request }, "service:crm"));
        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, OptOutOfSale(key: "key-1") with { Scope = OptOutScope.Sharing }, "service:crm"));
        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, OptOutOfSale(key: "key-1"), "service:billing"));
        Assert.Empty(Decide(state, OptOutOfSale(key: "key-1"), "service:crm"));
    }

    [Theory]
    [InlineData("sub-123\n")]
    [InlineData("sub-123\r\n")]
    [InlineData("\nsub-123")]
    public void Given_id_with_a_line_break_When_any_command_names_it_Then_invalid_subject_id(string subjectId)
    {
        var error = Assert.Throws<InvalidCommandException>(() => Scenario.Unregistered().When(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA" }));

        Assert.Equal("subjectId", error.Field);
        Assert.Equal("requestId", Assert.Throws<InvalidCommandException>(() => Scenario.Registered().When(new ReceiveRightsRequest { SubjectId = Scenario.SubjectId, RequestId = "req-1\n", Type = RightsRequestType.Delete, Channel = RequestChannel.Email })).Field);
    }

    [Fact]
    public void Given_seen_idempotency_key_When_command_repeated_Then_no_events()
    {
        var scenario = Scenario.Registered().Given(OptOutOfSale(key: "key-1"))
            .Given(new OptBackIn { SubjectId = Scenario.SubjectId, Scope = OptOutScope.Sale, Method = PreferenceMethod.Request });

        Assert.Empty(scenario.When(OptOutOfSale(key: "key-1")));
        Assert.Single(scenario.When(OptOutOfSale(key: "key-2")));
    }

    [Fact]
    public void Given_registered_subject_When_events_decided_Then_they_carry_subject_time_and_key()
    {
        var events = Scenario.Registered().When(OptOutOfSale(key: "key-9"));

        var e = Assert.Single(events);
        Assert.Equal((Scenario.SubjectId, Scenario.Now, "key-9"), (e.SubjectId, e.OccurredAt, e.IdempotencyKey));
    }

    [Fact]
    public void Given_subject_stream_When_command_names_another_subject_Then_invalid_subject_id()
    {
        var error = Scenario.Registered().Invalid(OptOutOfSale(subjectId: "someone-else"));

        Assert.Equal("subjectId", error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("bad/slash")]
    [InlineData("emoji-\u263A")]
    public void Given_any_subject_When_subject_id_malformed_Then_invalid_subject_id(string subjectId)
    {
        var error = Scenario.Unregistered().Invalid(new RegisterSubject { SubjectId = subjectId, Jurisdiction = "CA" });

        Assert.Equal("subjectId", error.Field);
    }

    [Fact]
    public void Given_any_subject_When_subject_id_longer_than_128_Then_invalid_subject_id()
    {
        var error = Scenario.Unregistered().Invalid(new RegisterSubject { SubjectId = new string('a', 129), Jurisdiction = "CA" });

        Assert.Equal("subjectId", error.Field);
    }

    [Fact]
    public void Given_any_subject_When_idempotency_key_has_control_characters_Then_invalid()
    {
        var error = Scenario.Registered().Invalid(OptOutOfSale(key: "key\u0001"));

        Assert.Equal("idempotencyKey", error.Field);
    }

    [Fact]
    public void Given_events_When_evolved_Then_version_counts_them()
    {
        var state = Scenario.Registered().Given(new ReceiveGpcSignal { SubjectId = Scenario.SubjectId }).State;

        Assert.Equal(4, state.Version);
        Assert.Equal(Scenario.SubjectId, state.SubjectId);
    }

    [Fact]
    public void Given_active_subject_When_deactivated_twice_Then_second_has_no_events()
    {
        var deactivate = new DeactivateAccount { SubjectId = Scenario.SubjectId, Reason = "request" };
        var scenario = Scenario.Registered().Given(deactivate);

        Assert.False(scenario.State.IsActive);
        Assert.Empty(scenario.When(deactivate));
    }
}
