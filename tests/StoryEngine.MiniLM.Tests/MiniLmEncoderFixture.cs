namespace StoryEngine.MiniLM.Tests;

/// <summary>One loaded model for a test class: loading it takes about a second.</summary>
public sealed class MiniLmEncoderFixture : IDisposable
{
    public MiniLmTextEncoder Encoder { get; } = new();

    public void Dispose() => Encoder.Dispose();
}
