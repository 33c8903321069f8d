using CallLoop.Domain;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CallLoop.EventStore.Projections.Subjects;

/// <summary>Folds each subject stream with the domain's own evolver, so the profile and the grain never disagree.</summary>
public sealed partial class SubjectAccessProfileProjection : SingleStreamProjection<SubjectAccessProfile, string>
{
    public SubjectAccessProfileProjection()
    {
        Name = ProjectionNames.SubjectAccessProfile;
        foreach (var type in EventTypeNames.All.Keys)
        {
            IncludeType(type);
        }
    }

    public override SubjectAccessProfile? Evolve(SubjectAccessProfile? snapshot, string id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Data is not SubjectEvent subjectEvent)
        {
            return snapshot;
        }

        var profile = snapshot ?? new SubjectAccessProfile { Id = id };
        profile.State = SubjectEvolver.Evolve(profile.State, subjectEvent);
        profile.SealedBirthDate = subjectEvent switch
        {
            SubjectRegistered { SealedBirthDate: { } sealedText } => sealedText,
            MinorDetected { SealedBirthDate: { } sealedText } => sealedText,
            PersonalDataErased erased when erased.ErasedCategories.Contains(PersonalValues.BirthDateCategory) => null,
            _ => profile.SealedBirthDate,
        };
        if (subjectEvent is PersonalInformationCollected collected)
        {
            profile.Collections.Add(new CollectionEntry(
                collected.Category,
                collected.Source,
                collected.SourceDetail,
                [.. collected.Purposes],
                [.. collected.Data.Keys.Order(StringComparer.Ordinal)],
                collected.CollectedAt));
        }

        return profile;
    }
}
