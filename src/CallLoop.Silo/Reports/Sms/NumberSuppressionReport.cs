namespace CallLoop.Silo.Reports.Sms;

/// <summary>Numbers whose STOP began in a month (UTC), and how many of those have since texted START.</summary>
public sealed record NumberSuppressionMonth(string Month, int Suppressed, int LiftedSince);
