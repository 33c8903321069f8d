namespace CallLoop.EventStore.Appending;

/// <summary>An append waiting for its batch; its task completes only once the batch's outcome is known.</summary>
internal sealed class PendingAppend(StreamAppend append)
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamAppend Append { get; } = append;

    public Task Completion => completion.Task;

    /// <summary>Event ids Marten gave this append's events, to find them again when a commit's outcome is in doubt.</summary>
    public Guid FirstEventId { get; set; }

    public void Succeed() => completion.TrySetResult();

    public void Fail(Exception error) => completion.TrySetException(error);
}
