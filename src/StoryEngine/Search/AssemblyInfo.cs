using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("StoryEngine.Tests")]
[assembly: InternalsVisibleTo("StoryEngine.MiniLM.Tests")]
