using CallLoop.Domain;
using CallLoop.Silo.Http;

namespace CallLoop.Silo.OptOuts;

/// <summary>An opt-out or opt-back-in: what it covers and how the subject expressed it.</summary>
public sealed record PreferenceBody(string? Scope, string? Method)
{
    public OptOut ToOptOut(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        Scope = BodyFields.Enum<OptOutScope>(Scope, "scope"),
        Method = BodyFields.Enum<PreferenceMethod>(Method, "method"),
    };

    public OptBackIn ToOptBackIn(string subjectId, string? idempotencyKey) => new()
    {
        SubjectId = subjectId,
        IdempotencyKey = idempotencyKey,
        Scope = BodyFields.Enum<OptOutScope>(Scope, "scope"),
        Method = BodyFields.Enum<PreferenceMethod>(Method, "method"),
    };
}
