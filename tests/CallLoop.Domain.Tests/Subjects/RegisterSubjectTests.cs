using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Subjects;

public class RegisterSubjectTests
{
    private static RegisterSubject Register(string jurisdiction = "VA", DateOnly? birthDate = null, string? phone = null, string? email = null) => new()
    {
        SubjectId = Scenario.SubjectId,
        Jurisdiction = jurisdiction,
        Email = email,
        Phone = phone,
        BirthDate = birthDate,
    };

    [Fact]
    public void Given_new_subject_When_registered_Then_subject_registered_with_normalized_contact()
    {
        var events = Scenario.Unregistered().When(Register("va", phone: "555.123.4567", email: " Person@Example.com "));

        var registered = Assert.IsType<SubjectRegistered>(Assert.Single(events));
        Assert.Equal("VA", registered.Jurisdiction);
        Assert.Equal("+15551234567", registered.Phone);
        Assert.Equal("person@example.com", registered.Email);
        Assert.Equal(Scenario.SubjectId, registered.SubjectId);
        Assert.Equal(Scenario.Now, registered.OccurredAt);
    }

    [Fact]
    public void Given_new_subject_When_registered_with_unknown_jurisdiction_Then_invalid_jurisdiction()
    {
        var error = Scenario.Unregistered().Invalid(Register("ZZ"));

        Assert.Equal("jurisdiction", error.Field);
    }

    [Fact]
    public void Given_new_subject_When_registered_with_birth_date_under_18_Then_rejected_as_minor()
    {
        var seventeen = DateOnly.FromDateTime(Scenario.Now.UtcDateTime).AddYears(-18).AddDays(1);

        var error = Scenario.Unregistered().Rejected(Register(birthDate: seventeen));

        Assert.Equal("minor", error.Rule);
    }

    [Fact]
    public void Given_new_subject_When_registered_on_18th_birthday_Then_registered()
    {
        var eighteen = DateOnly.FromDateTime(Scenario.Now.UtcDateTime).AddYears(-18);

        Assert.Single(Scenario.Unregistered().When(Register(birthDate: eighteen)));
    }

    [Fact]
    public void Given_registered_subject_When_identical_registration_Then_no_events()
    {
        var scenario = Scenario.Unregistered().Given(Register(phone: "5551234567"));

        Assert.Empty(scenario.When(Register(phone: "(555) 123-4567")));
    }

    [Fact]
    public void Given_registered_subject_When_different_registration_Then_already_registered()
    {
        var scenario = Scenario.Unregistered().Given(Register("VA"));

        var error = Assert.Throws<SubjectAlreadyRegisteredException>(() => scenario.When(Register("CO")));
        Assert.Equal("subject-already-registered", error.Rule);
    }

    [Fact]
    public void Given_new_subject_When_registered_with_bad_email_Then_invalid_email_without_echoing_it()
    {
        var error = Scenario.Unregistered().Invalid(Register(email: "john.doe@@example.com"));

        Assert.Equal("email", error.Field);
        Assert.DoesNotContain("john", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Given_new_subject_When_registered_with_future_birth_date_Then_invalid_birth_date()
    {
        var error = Scenario.Unregistered().Invalid(Register(birthDate: new DateOnly(2030, 1, 1)));

        Assert.Equal("birthDate", error.Field);
    }
}
