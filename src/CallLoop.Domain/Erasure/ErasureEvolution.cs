namespace CallLoop.Domain;

/// <summary>Folds <see cref="PersonalDataErased"/> into the subject: the erased values leave the state (what the request kept is <see cref="RightsRequestEvolution"/>'s).</summary>
internal static class ErasureEvolution
{
    public static SubjectState Apply(SubjectState state, PersonalDataErased erased)
    {
        var gone = erased.ErasedCategories.ToHashSet();
        var identifiers = gone.Contains(PersonalInformationCategory.Identifiers);
        return state with
        {
            ErasedCategories = state.ErasedCategories.Union(gone),
            Categories = state.Categories.RemoveRange(gone),
            Email = identifiers ? null : state.Email,
            Phone = identifiers ? null : state.Phone,
            Name = identifiers ? null : state.Name,
            BirthDate = gone.Contains(PersonalValues.BirthDateCategory) ? null : state.BirthDate,
        };
    }
}
