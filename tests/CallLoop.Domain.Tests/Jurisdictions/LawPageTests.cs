using CallLoop.Domain;

namespace CallLoop.Domain.Tests.Jurisdictions;

public class LawPageTests
{
    private const string WriteSwitch = "CALLLOOP_WRITE_LAW_PAGE";

    private static string PagePath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CallLoop.Actors.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "docs", "law.md");
    }

    [Fact]
    public void Given_the_law_table_When_docs_law_md_is_read_Then_it_is_the_page_the_code_renders()
    {
        var path = PagePath();
        var rendered = LawPage.Render();
        if (Environment.GetEnvironmentVariable(WriteSwitch) == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(File.Exists(path), $"docs/law.md is missing: run {WriteSwitch}=1 dotnet test tests/CallLoop.Domain.Tests --filter LawPageTests");
        Assert.True(File.ReadAllText(path) == rendered, $"docs/law.md is stale: run {WriteSwitch}=1 dotnet test tests/CallLoop.Domain.Tests --filter LawPageTests");
    }

    [Theory]
    [InlineData("| MN | 2025-07-31 | Minnesota Consumer Data Privacy Act (ch. 325M) | 45 | +45 | 45 | +60 | Minnesota Attorney General | 2025-07-31 |")]
    [InlineData("| UT | 2026-07-01 | UCPA as amended by HB 418 (2025) | 45 | +45 | no appeal |")]
    [InlineData("| NJ | always | NJDPA | 45 | +45 | 45 | — | New Jersey Attorney General | 2025-07-15 | — | 15 |")]
    [InlineData("| CA | always | CCPA as amended by CPRA | 45 | +45 | no appeal | — | California Privacy Protection Agency | 2023-01-01 | 10 business days | 15 business days |")]
    [InlineData("| MD | 2025-10-01 | Maryland Online Data Privacy Act | 45 | +45 | 60 |")]
    public void Given_the_rendered_page_When_read_Then_rows_carry_the_law(string row)
    {
        Assert.Contains(row, LawPage.Render(), StringComparison.Ordinal);
    }
}
