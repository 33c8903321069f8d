using CallLoop.Domain;
using CallLoop.Silo.Http;
using CallLoop.Silo.Subjects;

namespace CallLoop.Silo.Audit;

/// <summary>The who and why of a read of personal values, taken from the authenticated caller and the query string.</summary>
internal static class AuditedReads
{
    /// <summary>
    /// <c>purpose</c> (one of <see cref="AccessPurpose"/>, kebab-case) is required unless the route gives a default;
    /// <c>requestId</c> names the rights request being answered, if any. Bad values are 400s naming the parameter.
    /// </summary>
    public static PersonalDataAccess Access(this HttpContext http, string? purpose, string? requestId, AccessPurpose? byDefault = null) => new()
    {
        AccessedBy = http.Actor() ?? string.Empty,
        Purpose = BodyFields.OptionalEnum<AccessPurpose>(purpose, "purpose")
            ?? byDefault
            ?? throw new InvalidCommandException("purpose", $"Field 'purpose' is required: one of {string.Join(", ", EnumText.AllTexts<AccessPurpose>())}."),
        RequestId = string.IsNullOrEmpty(requestId) ? null : BodyFields.Id(requestId, "requestId"),
    };
}
