using CallLoop.Contracts.Subjects;
using CallLoop.Domain;

namespace CallLoop.Integration.Tests.Infrastructure;

/// <summary>
/// Sends a command as a caller does while a killed silo's grains move: a call that meets the dead silo fails until the
/// cluster has declared it dead and placed the grain elsewhere, which takes seconds, and longer on a loaded machine, so
/// the command is repeated for up to <see cref="Patience.Long"/> rather than a fixed number of times. A refusal by the
/// domain is an answer, never repeated; a registration refused as already done was committed by an attempt whose
/// answer the kill cut off.
/// </summary>
internal static class RetriedCommands
{
    public static async Task ExecuteAsync(IGrainFactory grains, SubjectCommand command)
    {
        var deadline = DateTime.UtcNow + Patience.Long;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IDataSubjectGrain>(command.SubjectId).ExecuteAsync(command);
                return;
            }
            catch (SubjectAlreadyRegisteredException) when (attempt > 1)
            {
                return;
            }
            catch (Exception ex) when (ex is not PrivacyDomainException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
