namespace CallLoop.Silo.Signals;

public sealed record GpcSignalBody(string? SubjectId);
