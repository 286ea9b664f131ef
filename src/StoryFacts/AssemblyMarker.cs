namespace StoryFacts;

/// <summary>Placeholder so the project compiles until extraction lands.</summary>
internal static class AssemblyMarker;
