using CallLoop.Console.Hosting;

namespace CallLoop.Console;

// Not top-level statements: those make a public global Program, which would collide with the silo's in tests that host both.
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddCallLoopConsole();

        var app = builder.Build();

        app.UseCallLoopConsole();
        app.MapDefaultEndpoints();
        app.MapCallLoopConsole();

        app.Run();
    }
}
