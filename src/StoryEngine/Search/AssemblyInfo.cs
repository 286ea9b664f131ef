using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("StoryEngine.Tests")]
