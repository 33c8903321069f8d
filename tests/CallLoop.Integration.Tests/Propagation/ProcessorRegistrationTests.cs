using System.Net;
using System.Net.Http.Json;
using CallLoop.Integration.Tests.Http;

namespace CallLoop.Integration.Tests.Propagation;

/// <summary>
/// Registers processors for categories (K, L, J) that no subject of the propagation tests holds, so that these
/// registrations never add deliveries to the other tests' subjects.
/// </summary>
[Collection(PropagationCollection.Name)]
public sealed class ProcessorRegistrationTests(PropagationSiloFactory silo)
{
    private readonly HttpClient client = silo.CreateClient();

    private static object Body(string name, string? url = "https://hooks.example.com/callloop", string? secret = "s3cret-s3cret-s3cret-s3cret-s3cret-42", string? type = "contractor", string[]? categories = null) =>
        new { name, type, address = "2 Contractor St", categories = categories ?? ["K", "L"], webhookUrl = url, signingSecret = secret };

    [Fact]
    public async Task Given_processor_When_created_read_updated_and_deleted_Then_secret_is_never_returned()
    {
        var name = PropagationDriver.NewProcessorName("Registry");
        const string secret = "s3cret-s3cret-s3cret-s3cret-s3cret-42";

        var created = await client.PostAsJsonAsync("/api/processors", Body(name)).JsonAsync(HttpStatusCode.Created);
        var raw = await (await client.GetAsync($"/api/processors/{Uri.EscapeDataString(name)}")).Content.ReadAsStringAsync();
        var listed = await (await client.GetAsync("/api/processors")).Content.ReadAsStringAsync();
        var asRecipient = await (await client.GetAsync($"/api/recipients/{Uri.EscapeDataString(name)}")).Content.ReadAsStringAsync();

        Assert.Equal(["K", "L"], created.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.True(created.GetProperty("signingSecretSet").GetBoolean());
        Assert.Contains("hooks.example.com", raw);
        Assert.Contains(name, listed);
        Assert.Contains("contractor", asRecipient);
        Assert.All(new[] { created.ToString(), raw, listed, asRecipient }, text => Assert.DoesNotContain(secret[..20], text));

        // An update without a secret keeps the old one; the recipient registry's PUT keeps the webhook settings.
        var updated = await client.PutAsJsonAsync($"/api/processors/{Uri.EscapeDataString(name)}", Body(name, secret: null, type: "third-party", categories: ["J"])).JsonAsync();
        await client.PutAsJsonAsync($"/api/recipients/{Uri.EscapeDataString(name)}", new { address = "3 New St", type = "third-party" }).JsonAsync();
        var afterRecipientPut = await client.GetAsync($"/api/processors/{Uri.EscapeDataString(name)}").JsonAsync();
        Assert.Equal("third-party", updated.GetProperty("type").GetString());
        Assert.True(afterRecipientPut.GetProperty("signingSecretSet").GetBoolean());
        Assert.Equal("https://hooks.example.com/callloop", afterRecipientPut.GetProperty("webhookUrl").GetString());
        Assert.Equal("3 New St", afterRecipientPut.GetProperty("address").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/processors/{Uri.EscapeDataString(name)}")).StatusCode);
        await client.GetAsync($"/api/processors/{Uri.EscapeDataString(name)}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/x", "s3cret-s3cret-s3cret-s3cret-s3cret-42", "contractor", "webhookUrl")]
    [InlineData("/relative/path", "s3cret-s3cret-s3cret-s3cret-s3cret-42", "contractor", "webhookUrl")]
    [InlineData(null, "s3cret-s3cret-s3cret-s3cret-s3cret-42", "contractor", "webhookUrl")]
    [InlineData("https://hooks.example.com/x", "short", "contractor", "signingSecret")]
    [InlineData("https://hooks.example.com/x", null, "contractor", "signingSecret")]
    [InlineData("https://hooks.example.com/x", "s3cret-s3cret-s3cret-s3cret-s3cret-42", "friend", "type")]
    public async Task Given_bad_field_When_processor_created_Then_problem_names_it_and_nothing_is_stored(string? url, string? secret, string type, string field)
    {
        var name = PropagationDriver.NewProcessorName("Invalid");

        var problemField = await client.PostAsJsonAsync("/api/processors", Body(name, url, secret, type)).FieldProblemAsync("s3cret-s3cret");

        Assert.Equal(field, problemField);
        await client.GetAsync($"/api/processors/{Uri.EscapeDataString(name)}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_bad_category_When_processor_created_Then_problem_names_its_index()
    {
        Assert.Equal("categories[1]", await client.PostAsJsonAsync("/api/processors", Body(PropagationDriver.NewProcessorName("Invalid"), categories: ["K", "Z"])).FieldProblemAsync());
    }

    [Fact]
    public async Task Given_registered_processor_When_created_again_Then_conflict()
    {
        var name = PropagationDriver.NewProcessorName("Twice");
        await client.PostAsJsonAsync("/api/processors", Body(name)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("processor-exists", await client.PostAsJsonAsync("/api/processors", Body(name)).RuleProblemAsync());
    }
}
