namespace CallLoop.Testing;

public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CallLoop.Actors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CallLoop.Actors.sln not found above " + AppContext.BaseDirectory);
    }
}
