using CallLoop.Domain;

namespace CallLoop.Silo.Reports.Subjects;

/// <summary>The portable copy of what is held about a subject.</summary>
public sealed record SubjectExport(string SubjectId, DateTimeOffset ExportedAt, SubjectProfile Profile, IReadOnlyList<CollectionEntry> Collections)
{
    internal CsvText ToCsv()
    {
        var csv = new CsvText("section", "item", "field", "value", "at");
        csv.Row("subject", "jurisdiction", null, Profile.Jurisdiction, Profile.RegisteredAt);
        foreach (var (field, value) in new[] { ("email", Profile.Email), ("phone", Profile.Phone), ("name", Profile.Name) })
        {
            if (value is not null)
            {
                csv.Row("subject", "contact", field, value, Profile.RegisteredAt);
            }
        }

        if (Profile.BirthDate is { } birthDate)
        {
            csv.Row("subject", "birth-date", null, birthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Profile.RegisteredAt);
        }

        foreach (var held in Profile.Categories)
        {
            foreach (var (field, value) in held.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                csv.Row("personal-information", held.Category, field, value, held.LastCollectedAt);
            }
        }

        foreach (var c in Collections)
        {
            csv.Row("collection", c.Category, c.Source, c.SourceDetail, c.CollectedAt);
        }

        foreach (var consent in Profile.Consents)
        {
            csv.Row("consent", consent.Purpose, "granted", consent.Granted, consent.WithdrawnAt ?? consent.GrantedAt);
        }

        foreach (var optOut in Profile.OptOuts)
        {
            csv.Row("opt-out", optOut.Scope, "method", optOut.Method, optOut.OptedOutAt);
        }

        foreach (var d in Profile.Disclosures)
        {
            csv.Row("disclosure", d.Recipient, d.Purpose, string.Join(' ', d.Categories.Select(EnumText.ToText)), d.DisclosedAt);
        }

        foreach (var r in Profile.Requests)
        {
            csv.Row("request", r.RequestId, r.Type, r.Status, r.ReceivedAt);
        }

        return csv;
    }
}
