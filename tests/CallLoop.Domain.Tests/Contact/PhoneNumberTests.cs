using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Contact;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("(555) 123-4567", "+15551234567")]
    [InlineData("555.123.4567", "+15551234567")]
    [InlineData("5551234567", "+15551234567")]
    [InlineData("1-555-123-4567", "+15551234567")]
    [InlineData("+1 555 123 4567", "+15551234567")]
    [InlineData(" +44 20 7946 0958 ", "+442079460958")]
    public void Given_phone_text_When_normalized_Then_e164_digits(string raw, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Normalize(raw));
    }

    [Theory]
    [InlineData("")]
    [InlineData("call me")]
    [InlineData("12345")]
    [InlineData("555-123-456x")]
    [InlineData("+")]
    [InlineData("25551234567")]
    [InlineData("+1234567890123456")]
    public void Given_garbage_When_normalized_Then_invalid_phone(string raw)
    {
        var error = Assert.Throws<InvalidCommandException>(() => PhoneNumber.Normalize(raw));

        Assert.Equal("phone", error.Field);
    }
}
