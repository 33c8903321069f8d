namespace CallLoop.Integration.Tests.Support;

/// <summary>Fresh North American numbers, so tests sharing one phone index never claim each other's numbers.</summary>
internal static class TestPhones
{
    /// <summary>A number written as people type it, e.g. <c>(555) 123-4567</c>, and its canonical form.</summary>
    public static (string Typed, string Canonical) Next()
    {
        var line = Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        return ($"(555) {line[..3]}-{line[3..]}", $"+1555{line}");
    }
}
