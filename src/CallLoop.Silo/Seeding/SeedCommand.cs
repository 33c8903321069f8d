using System.Globalization;

namespace CallLoop.Silo.Seeding;

/// <summary><c>dotnet run --project src/CallLoop.Silo -- seed --subjects 2000</c>: start the silo, load a demo population, stop.</summary>
public static class SeedCommand
{
    public const int DefaultSubjects = 2000;

    /// <summary>Runs the seed command when the first argument is <c>seed</c>; false otherwise (the host then runs as usual).</summary>
    public static async Task<bool> RunSeedCommandAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != "seed")
        {
            return false;
        }

        var subjects = DefaultSubjects;
        var index = Array.IndexOf(args, "--subjects");
        if (index >= 0 && (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out subjects) || subjects < 1))
        {
            throw new ArgumentException("--subjects takes a positive whole number.", nameof(args));
        }

        await app.StartAsync();
        var population = ActivatorUtilities.CreateInstance<DemoPopulation>(app.Services);
        await population.SeedAsync(subjects, app.Lifetime.ApplicationStopping);
        await app.StopAsync();
        return true;
    }
}
