using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Audit;

public class WithheldValuesTests
{
    private static readonly SubjectState State = Scenario.Registered().Given(new CollectPersonalInformation
    {
        SubjectId = Scenario.SubjectId,
        Category = PersonalInformationCategory.InternetActivity,
        Source = CollectionSource.Automatic,
        Purposes = [ProcessingPurpose.Analytics],
        Data = new Dictionary<string, string> { ["ip"] = "203.0.113.7" },
    }).State;

    [Fact]
    public void Given_subject_When_profile_built_Then_values_withheld_and_metadata_kept()
    {
        var profile = SubjectViews.ToProfile(State);

        Assert.True(profile.ValuesWithheld);
        Assert.Equal((null, null, null, null), (profile.Email, profile.Phone, profile.Name, profile.BirthDate));
        var category = Assert.Single(profile.Categories);
        Assert.Empty(category.Values);
        Assert.Equal((PersonalInformationCategory.InternetActivity, "CA", true), (category.Category, profile.Jurisdiction, profile.Active));
    }

    [Fact]
    public void Given_subject_When_personal_profile_built_Then_values_present()
    {
        var profile = SubjectViews.ToPersonalProfile(State);

        Assert.False(profile.ValuesWithheld);
        Assert.Equal(("person@example.com", "+15551234567", "Pat Example"), (profile.Email, profile.Phone, profile.Name));
        Assert.Equal("203.0.113.7", profile.Categories.Single().Values["ip"]);
    }

    [Fact]
    public void Given_events_with_values_When_withheld_Then_values_gone_and_field_names_kept()
    {
        var registered = Assert.IsType<SubjectRegistered>(PersonalValues.Withhold(new SubjectRegistered { Jurisdiction = "CA", Email = "a@example.com", Phone = "+15551234567", Name = "Pat", BirthDate = new DateOnly(1990, 1, 2) }));
        var collected = Assert.IsType<PersonalInformationCollected>(PersonalValues.Withhold(new PersonalInformationCollected { Data = new Dictionary<string, string> { ["ip"] = "203.0.113.7" } }));
        var corrected = Assert.IsType<InformationCorrected>(PersonalValues.Withhold(new InformationCorrected { Field = "phone", NewValue = "+15557654321" }));
        var minor = Assert.IsType<MinorDetected>(PersonalValues.Withhold(new MinorDetected { BirthDate = new DateOnly(2012, 1, 1) }));

        Assert.Equal(("CA", null, null, null, null), (registered.Jurisdiction, registered.Email, registered.Phone, registered.Name, registered.BirthDate));
        Assert.Equal(string.Empty, collected.Data["ip"]);
        Assert.Equal(("phone", string.Empty), (corrected.Field, corrected.NewValue));
        Assert.Null(minor.BirthDate);
    }

    [Fact]
    public void Given_event_without_values_When_withheld_Then_unchanged()
    {
        var optedOut = new OptedOut { Scope = OptOutScope.Sale, Method = PreferenceMethod.Gpc };

        Assert.Same(optedOut, PersonalValues.Withhold(optedOut));
    }
}
