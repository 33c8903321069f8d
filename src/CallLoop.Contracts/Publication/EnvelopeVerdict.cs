namespace CallLoop.Contracts.Publication;

public enum EnvelopeVerdict
{
    /// <summary>The next event of the subject: handle it.</summary>
    New,

    /// <summary>Already handled (a redelivery): ignore it.</summary>
    Duplicate,

    /// <summary>Newer than anything handled, but versions were skipped: read the missing ones from the subject's history first.</summary>
    NewAfterGap,
}
