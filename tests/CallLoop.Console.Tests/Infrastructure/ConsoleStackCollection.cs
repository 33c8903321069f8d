namespace CallLoop.Console.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class ConsoleStackCollection : ICollectionFixture<ConsoleStack>
{
    public const string Name = "console in a browser";
}
