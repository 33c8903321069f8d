namespace CallLoop.Domain;

/// <summary>How the state report counts a disclosure: one to a third party for its direct marketing is a sale unless nothing of value was received.</summary>
public static class SoldOrNot
{
    public static DisclosurePurpose ReportedPurpose(InformationDisclosed disclosed)
    {
        ArgumentNullException.ThrowIfNull(disclosed);
        return disclosed.Purpose == DisclosurePurpose.DirectMarketing && !disclosed.NoValuableConsideration ? DisclosurePurpose.Sale : disclosed.Purpose;
    }
}
