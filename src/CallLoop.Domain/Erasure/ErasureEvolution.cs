namespace CallLoop.Domain;

/// <summary>Folds <see cref="PersonalDataErased"/>: the erased values leave the state, the request records what was kept.</summary>
internal static class ErasureEvolution
{
    public static SubjectState Apply(SubjectState state, PersonalDataErased erased)
    {
        var gone = erased.ErasedCategories.ToHashSet();
        var identifiers = gone.Contains(PersonalInformationCategory.Identifiers);
        var next = state with
        {
            ErasedCategories = state.ErasedCategories.Union(gone),
            Categories = state.Categories.RemoveRange(gone),
            Email = identifiers ? null : state.Email,
            Phone = identifiers ? null : state.Phone,
            Name = identifiers ? null : state.Name,
            BirthDate = gone.Contains(PersonalValues.BirthDateCategory) ? null : state.BirthDate,
            Requests = identifiers
                ? state.Requests.ToImmutableDictionary(r => r.Key, r => r.Value.Agent is null ? r.Value : r.Value with { Agent = new AuthorizedAgent() }, StringComparer.Ordinal)
                : state.Requests,
        };

        return erased.RequestId is { } requestId && next.Requests.TryGetValue(requestId, out var request)
            ? next with { Requests = next.Requests.SetItem(requestId, request with { RetainedCategories = [.. erased.Retained], ErasedAt = request.ErasedAt ?? erased.OccurredAt }) }
            : next;
    }
}
