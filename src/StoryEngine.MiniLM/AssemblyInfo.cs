using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("StoryEngine.MiniLM.Tests")]
