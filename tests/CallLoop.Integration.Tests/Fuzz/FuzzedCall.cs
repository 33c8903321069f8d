namespace CallLoop.Integration.Tests.Fuzz;

/// <summary>One generated request; printed short so a failing sample stays readable.</summary>
internal sealed record FuzzedCall(FuzzedRoute Route, string Id, string Request, string Purpose, string Body)
{
    public string Uri => Route.Fill(Id, Request, Purpose, hold: Request, state: Purpose);

    public static string Shorten(string text) => text.Length <= 80 ? text : $"{text[..80]}...({text.Length} chars)";

    public override string ToString() =>
        $"{Route.Method} {Route.Template} id='{Shorten(Id)}' request='{Shorten(Request)}' purpose='{Shorten(Purpose)}' body='{Shorten(Body)}'";
}
