using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Idempotency;

public class IdempotencyFingerprintTests
{
    private const string Caller = "service:crm";

    /// <summary>Stands in for the key the subject's key grain derives from its data key.</summary>
    private static readonly byte[] MacKey = RandomNumberGenerator.GetBytes(32);

    private static GrantConsent Consent(string evidence, string key = "consent-1") => new()
    {
        SubjectId = Scenario.SubjectId,
        IdempotencyKey = key,
        Purpose = ConsentPurpose.Analytics,
        Basis = ConsentBasis.Express,
        NoticeVersion = "v1",
        Evidence = evidence,
    };

    private static string Keyed(SubjectCommand command, string? caller = Caller) => IdempotencyFingerprint.Of(command, caller, "A1", MacKey);

    private static IReadOnlyList<SubjectEvent> Decide(SubjectState state, SubjectCommand command, string? fingerprint, string? caller = Caller, SubjectPolicy? policy = null) =>
        SubjectDecider.Decide(state, command, Scenario.Now, caller, policy ?? SubjectPolicy.Default, fingerprint);

    [Fact]
    public void Given_a_key_bound_to_a_keyed_fingerprint_When_the_same_command_comes_again_Then_no_events_and_another_payload_or_caller_is_refused()
    {
        var state = Scenario.Registered().State;
        var grant = Consent("Pat said yes on the phone");

        var events = Decide(state, grant, Keyed(grant));
        Assert.Equal(Keyed(grant), Assert.Single(events).IdempotencyFingerprint);
        Assert.StartsWith("v1:A1:", Keyed(grant), StringComparison.Ordinal);
        state = events.Aggregate(state, SubjectEvolver.Evolve);

        Assert.Empty(Decide(state, grant, Keyed(grant)));
        var otherText = Consent("Pat said no on the phone");
        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, otherText, Keyed(otherText)));
        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, grant, Keyed(grant, "service:billing"), "service:billing"));
        var optOut = new OptOut { SubjectId = Scenario.SubjectId, IdempotencyKey = "consent-1", Scope = OptOutScope.Sale, Method = PreferenceMethod.Request };
        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, optOut, Keyed(optOut)));
    }

    /// <summary>Fingerprints written by the code before they were keyed (computed by that code at 83e8d13~1, where the three retired members still existed and the grain filled them from configuration).</summary>
    public static TheoryData<string, string> WrittenBeforeKeyed => new()
    {
        { "complete-false", "18d13729de7e4d8db8f4ec661a0365a3c53cffac24c1553a0043035e1745071a" },
        { "complete-true", "6a048008d0b816695699790b4141d2da28d3843128d8160c708275c0ccf53f07" },
        { "appeal", "3ea5b8134b4aa1a20cfc29fee5c0f7b679c5a552151cda913f9a02d9cadb566d" },
        { "receive", "7fd730aec444ab9c053ccb3557856cf4b5b1494ba881077244a0bc217d25e6da" },
        { "consent", "b914a9edfaca55d3b90aedccb122c5627e02032b3bd4387f623ac409923479cc" },
    };

    [Theory]
    [MemberData(nameof(WrittenBeforeKeyed))]
    public void Given_a_key_bound_before_fingerprints_were_keyed_When_the_same_command_is_retried_Then_no_events_and_a_changed_one_is_refused(string name, string unkeyed)
    {
        var (command, caller, changed) = OldCommands[name];
        var state = SubjectDecider.Decide(SubjectState.Initial, new RegisterSubject { SubjectId = "sub-upgrade", Jurisdiction = "CO" }, Scenario.Now)
            .Select(e => e with { IdempotencyKey = command.IdempotencyKey, IdempotencyFingerprint = unkeyed })
            .Aggregate(SubjectState.Initial, SubjectEvolver.Evolve);

        Assert.True(IdempotencyFingerprint.MatchesUnkeyed(unkeyed, command, caller, SubjectPolicy.Default));
        Assert.Empty(Decide(state, command, fingerprint: null, caller));
        Assert.Empty(Decide(state, command, fingerprint: null, caller, new SubjectPolicy { ReopenedDueDays = 30, BusinessTimeZone = "America/Chicago" }));
        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, command, fingerprint: null, "service:billing"));
        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, changed, fingerprint: null, caller));
    }

    private static readonly CompleteRequest OldCompletion = new() { SubjectId = "sub-upgrade", IdempotencyKey = "k-1", RequestId = "req-1", Outcome = RequestOutcome.Fulfilled };
    private static readonly DecideAppeal OldAppealDecision = new() { SubjectId = "sub-upgrade", IdempotencyKey = "k-2", RequestId = "req-1", Outcome = AppealOutcome.Reversed, Explanation = "We were wrong" };
    private static readonly ReceiveRightsRequest OldRequest = new() { SubjectId = "sub-upgrade", IdempotencyKey = "k-3", RequestId = "req-2", Type = RightsRequestType.Delete, Channel = RequestChannel.Email };
    private static readonly GrantConsent OldConsent = new() { SubjectId = "sub-upgrade", IdempotencyKey = "k-4", Purpose = ConsentPurpose.Analytics, NoticeVersion = "v1", Evidence = "checkbox" };

    /// <summary>Each command as the old code fingerprinted it (the retired members now come from the policy), its caller, and the same command changed.</summary>
    private static readonly Dictionary<string, (SubjectCommand Command, string Caller, SubjectCommand Changed)> OldCommands = new()
    {
        ["complete-false"] = (OldCompletion, Caller, OldCompletion with { RequestId = "req-8" }),
        ["complete-true"] = (OldCompletion, Caller, OldCompletion with { RequestId = "req-9" }),
        ["appeal"] = (OldAppealDecision, "officer@callloop.example", OldAppealDecision with { Explanation = "We were right" }),
        ["receive"] = (OldRequest, Caller, OldRequest with { Type = RightsRequestType.Correct }),
        ["consent"] = (OldConsent, Caller, OldConsent with { Evidence = "checkbox ticked" }),
    };

    [Fact]
    public void Given_a_new_key_When_decided_without_a_fingerprint_Then_the_events_carry_none_rather_than_the_unkeyed_form()
    {
        var grant = Consent("Pat said yes on the phone");

        Assert.Null(Assert.Single(Decide(Scenario.Registered().State, grant, fingerprint: null)).IdempotencyFingerprint);
    }

    [Fact]
    public void Given_a_keyed_fingerprint_whose_data_key_is_destroyed_When_a_command_comes_under_its_key_Then_the_same_type_and_caller_is_a_retry_and_another_is_refused()
    {
        var grant = Consent("Pat said yes on the phone");
        var state = Decide(Scenario.Registered().State, grant, Keyed(grant)).Aggregate(Scenario.Registered().State, SubjectEvolver.Evolve);

        Assert.Empty(Decide(state, grant, fingerprint: null));
        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, grant, fingerprint: null, "service:billing"));
        var optOut = new OptOut { SubjectId = Scenario.SubjectId, IdempotencyKey = "consent-1", Scope = OptOutScope.Sale, Method = PreferenceMethod.Request };
        Assert.Throws<IdempotencyKeyReusedException>(() => Decide(state, optOut, fingerprint: null));
    }

    [Theory]
    [InlineData("Pat said yes on the phone")]
    [InlineData("yes")]
    [InlineData("")]
    public void Given_a_keyed_fingerprint_When_its_free_text_is_guessed_right_Then_no_plain_hash_of_the_guess_is_in_it(string evidence)
    {
        var grant = Consent(evidence);
        var stored = Keyed(grant);

        var canonical = IdempotencyFingerprint.Canonical(grant, Caller);
        var unkeyedPayload = JsonSerializer.Serialize<object>(grant with { IdempotencyKey = null }, DomainJson.Options);
        var texts = new[] { canonical, $"{typeof(GrantConsent).FullName}\n{Caller}\n{unkeyedPayload}", unkeyedPayload, evidence, $"{evidence}{Caller}" };
        var hashes = texts.Select(Encoding.UTF8.GetBytes)
            .SelectMany(bytes => new[] { SHA256.HashData(bytes), SHA1.HashData(bytes), MD5.HashData(bytes), SHA512.HashData(bytes), HMACSHA256.HashData(new byte[32], bytes) })
            .Select(hash => Convert.ToHexStringLower(hash.AsSpan(0, 16)));
        Assert.All(hashes, hash => Assert.DoesNotContain(hash, stored, StringComparison.Ordinal));
        Assert.False(IdempotencyFingerprint.MatchesUnkeyed(stored, grant, Caller, SubjectPolicy.Default));
        Assert.NotEqual(stored, IdempotencyFingerprint.Of(grant, Caller, "A1", RandomNumberGenerator.GetBytes(32)));
        if (evidence.Length > 0)
        {
            Assert.DoesNotContain(evidence, stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_members_at_their_default_Then_the_canonical_form_leaves_them_out_so_a_member_added_later_changes_no_fingerprint()
    {
        var canonical = IdempotencyFingerprint.Canonical(new GrantConsent { SubjectId = Scenario.SubjectId, Purpose = ConsentPurpose.Analytics, NoticeVersion = "v1" }, Caller);

        Assert.DoesNotContain("channel", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence", canonical, StringComparison.Ordinal);
        Assert.Contains("\"noticeVersion\":\"v1\"", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_undefined_enum_value_When_fingerprinted_Then_no_exception_and_the_decider_names_the_field()
    {
        var grant = Consent("x") with { Purpose = (ConsentPurpose)999 };

        var fingerprint = Keyed(grant);

        Assert.Equal("purpose", Assert.Throws<InvalidCommandException>(() => Decide(Scenario.Registered().State, grant, fingerprint)).Field);
    }

    [Fact]
    public void Given_a_missing_member_that_a_computed_member_reads_When_fingerprinted_Then_no_exception_and_the_decider_names_the_field()
    {
        var retention = new ApplyRetention { SubjectId = Scenario.SubjectId, IdempotencyKey = "r-1", Periods = null! };

        var fingerprint = Keyed(retention);

        Assert.Equal("periods", Assert.Throws<InvalidCommandException>(() => Decide(Scenario.Registered().State, retention, fingerprint)).Field);
    }
}
