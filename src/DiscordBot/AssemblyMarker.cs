namespace DiscordBot; internal static class AssemblyMarker;
