namespace CallLoop.Domain;

/// <summary>One row of the text-message law table: when and how often marketing texts may reach a jurisdiction.</summary>
/// <param name="Code">USPS code, <see cref="TextingLawTable.Federal"/> for the FCC rule, or CAN.</param>
/// <param name="EffectiveFrom">The first day (UTC) the row applies; earlier rows, or the federal rule, apply before it.</param>
/// <param name="Hours">Allowed local hours, Monday to Saturday (and Sunday unless <paramref name="SundayHours"/>); null: no quiet hours.</param>
/// <param name="SundayHours">Allowed local hours on Sunday, where the law sets them apart.</param>
/// <param name="MaxPerTopicPerDay">At most this many marketing texts per 24 hours on the same topic; null: no limit.</param>
/// <param name="Source">The statute.</param>
public sealed record TextingRule(string Code, DateOnly EffectiveFrom, TextingHours? Hours, TextingHours? SundayHours, int? MaxPerTopicPerDay, string Source)
{
    public TextingHours? HoursOn(DayOfWeek day) => day == DayOfWeek.Sunday && SundayHours is not null ? SundayHours : Hours;
}
