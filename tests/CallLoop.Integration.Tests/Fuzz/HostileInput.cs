using System.Text;
using CsCheck;

namespace CallLoop.Integration.Tests.Fuzz;

/// <summary>Generators of hostile input: odd ids, malformed JSON, wrong types, bad dates and enum values.</summary>
internal static class HostileInput
{
    /// <summary>Personal values planted in payloads; an error answer must never echo them.</summary>
    public static readonly string[] PlantedPersonalValues = ["fuzz.person@example.com", "+15550001234", "Fuzzy McFuzzface"];

    public static readonly string[] FieldNames =
    [
        "jurisdiction", "email", "phone", "name", "birthDate", "category", "source", "sourceDetail", "purposes", "data",
        "collectedAt", "purpose", "basis", "noticeVersion", "channel", "evidence", "scope", "method", "subjectId", "from",
        "body", "requestId", "type", "receivedAt", "agent", "dataPointsMatched", "signedDeclaration", "reason", "outcome",
        "denialReason", "explanation", "recipient", "recipientType", "categories", "field", "value", "holdId", "complaintTo",
    ];

    public static readonly Gen<string> Id = Gen.OneOf(
        Gen.OneOf(
            "", " ", "..", "../../etc/passwd", "%2e%2e%2f", "a/b", "a\\b", "\u0000\u0001\u001f", "sub-\u202e-rtl", "sub-😀",
            "fuzz-known", "CA", "null", "<script>", "'; DROP TABLE mt_events; --", new string('x', 5000)),
        Gen.String[Gen.Char.AlphaNumeric, 1, 40]);

    private static readonly Gen<string> ScalarJson = Gen.OneOf(
        Gen.OneOf(
            "null", "true", "0", "-1", "1e309", "99999999999999999999", "\"\"", "\"A\"", "\"Z\"", "\"CA\"", "\"XX\"",
            "\"marketing-sms\"", "\"sale\"", "\"gpc\"", "\"delete\"", "\"fulfilled\"", "\"third-party\"", "\"2999-01-01T00:00:00Z\"",
            "\"1900-02-30\"", "\"not-a-date\"", "\"2026-11-01T00:00:00Z\"", "\"STOP\"", "\"\\u0000\"", "[]", "{}"),
        Gen.OneOf(PlantedPersonalValues).Select(value => $"\"{value}\""),
        Gen.String[Gen.Char.AlphaNumeric, 0, 30].Select(value => $"\"{value}\""));

    private static readonly Gen<string> ValueJson = Gen.OneOf(
        ScalarJson,
        ScalarJson.Array[0, 4].Select(items => $"[{string.Join(',', items)}]"),
        Gen.Select(Gen.OneOf(FieldNames), ScalarJson, (key, value) => $"{{\"{key}\":{value}}}"));

    private static readonly Gen<string> ObjectJson =
        Gen.Select(Gen.OneOf(FieldNames), ValueJson, (key, value) => $"\"{key}\":{value}")
            .Array[0, 8]
            .Select(members => "{" + string.Join(',', members) + "}");

    public static readonly Gen<string> Body = Gen.OneOf(
        ObjectJson,
        ObjectJson,
        ObjectJson,
        Gen.OneOf("", "{", "[]", "null", "\"text\"", "{\"a\":", "{\"jurisdiction\":\"CA\",}", "\u0000"),
        Gen.Const(OversizedBody()));

    private static string OversizedBody()
    {
        var builder = new StringBuilder("{\"name\":\"");
        builder.Append('x', 70 * 1024);
        return builder.Append("\"}").ToString();
    }
}
