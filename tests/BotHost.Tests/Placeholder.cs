namespace BotHost.Tests; public class Placeholder { [Fact] public void Builds() => Assert.True(true); }
