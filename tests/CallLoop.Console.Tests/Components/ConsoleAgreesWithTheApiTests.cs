using CallLoop.Console.Api;
using CallLoop.Console.SignIn;
using CallLoop.Domain;
using CallLoop.Silo.Hosting;
using CallLoop.Silo.Security;

namespace CallLoop.Console.Tests.Components;

/// <summary>The console keeps its own copies of the API's wire names and development key; these hold them together.</summary>
public sealed class ConsoleAgreesWithTheApiTests
{
    [Fact]
    public void Choice_lists_are_the_wire_names_the_API_accepts()
    {
        Assert.Equal(EnumText.AllTexts<RightsRequestType>(), Choices.RequestTypes);
        Assert.Equal(EnumText.AllTexts<VerificationMethod>(), Choices.VerificationMethods);
        Assert.Equal(EnumText.AllTexts<RequestOutcome>(), Choices.Outcomes);
        Assert.Equal(EnumText.AllTexts<DenialReason>(), Choices.DenialReasons);
        Assert.Equal(EnumText.AllTexts<AppealOutcome>(), Choices.AppealOutcomes);
        Assert.Equal(EnumText.AllTexts<AccessPurpose>(), Choices.AccessPurposes);
        Assert.All(Choices.MarketingConsents, purpose => Assert.Contains(purpose, EnumText.AllTexts<ConsentPurpose>()));
    }

    [Fact]
    public void Roles_and_the_development_token_are_the_APIs()
    {
        Assert.Equal(Roles.All.Order(), ConsoleRoles.All.Order());
        Assert.Equal(PublishedDevelopmentKeys.BearerTokenSigningKey, DevelopmentTokens.DevelopmentSigningKey);
        Assert.Equal(AuthenticationSettings.Issuer, DevelopmentTokens.Issuer);
        Assert.Equal(AuthenticationSettings.Audience, DevelopmentTokens.Audience);
    }
}
