using MudBlazor;

namespace CallLoop.Console.Components.Layout;

/// <summary>MudBlazor's palette with status colours dark enough for white text (WCAG AA contrast, checked by axe).</summary>
public static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4a3cc9",
            Secondary = "#a3195b",
            Info = "#0b5cad",
            Success = "#1e6e2e",
            Warning = "#8f4700",
            Error = "#b3261e",
            AppbarBackground = "#2f2a6b",
        },
    };
}
