using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Serialization;

public class EnumTextTests
{
    [Theory]
    [InlineData("partially-fulfilled", RequestOutcome.PartiallyFulfilled)]
    [InlineData("DENIED", RequestOutcome.Denied)]
    public void Given_wire_name_When_parsed_Then_value(string text, RequestOutcome expected)
    {
        Assert.True(EnumText.TryParse<RequestOutcome>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("PartiallyFulfilled")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Given_non_wire_name_When_parsed_Then_false(string? text)
    {
        Assert.False(EnumText.TryParse<RequestOutcome>(text, out _));
    }

    [Fact]
    public void Given_values_When_written_Then_exact_wire_names()
    {
        Assert.Equal("L", EnumText.ToText(PersonalInformationCategory.SensitivePersonalInformation));
        Assert.Equal("opt-out-sale-sharing", EnumText.ToText(RightsRequestType.OptOutSaleSharing));
        Assert.Equal("appeal-decided", EnumText.ToText(RightsRequestStatus.AppealDecided));
        Assert.Equal("legal-compliance", EnumText.ToText(ProcessingPurpose.LegalCompliance));
    }

    [Fact]
    public void Given_every_domain_enum_When_inspected_Then_every_member_has_a_kebab_or_letter_wire_name()
    {
        var enums = typeof(SubjectEvent).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic);

        foreach (var type in enums)
        {
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            {
                var name = field.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false)
                    .Cast<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>().SingleOrDefault()?.Name;
                Assert.True(name is not null && System.Text.RegularExpressions.Regex.IsMatch(name, "^([a-z]+(-[a-z]+)*|[A-L])$"), $"{type.Name}.{field.Name}");
            }
        }
    }
}
