namespace CallLoop.Domain;

/// <summary>Pure: an event with the subject's personal values left out (field names and metadata stay), for unaudited reads.</summary>
public static class PersonalValues
{
    public static SubjectEvent Withhold(SubjectEvent e) => e switch
    {
        SubjectRegistered registered => registered with { Email = null, Phone = null, Name = null, BirthDate = null },
        PersonalInformationCollected collected => collected with
        {
            Data = collected.Data.ToDictionary(value => value.Key, _ => string.Empty, StringComparer.Ordinal),
        },
        InformationCorrected corrected => corrected with { NewValue = string.Empty },
        MinorDetected minor => minor with { BirthDate = null },
        _ => e,
    };
}
