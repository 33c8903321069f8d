namespace CallLoop.Domain;

/// <summary>The local hours in which marketing texts may be sent: from <see cref="Start"/> up to <see cref="End"/>.</summary>
public sealed record TextingHours(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly local) => local >= Start && local < End;

    public static TextingHours Between(int startHour, int endHour) => new(new TimeOnly(startHour, 0), new TimeOnly(endHour, 0));
}
