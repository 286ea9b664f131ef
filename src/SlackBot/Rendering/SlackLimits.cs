namespace SlackBot.Rendering;

/// <summary>Slack's documented size limits for Block Kit messages; longer values make Slack refuse the whole message.</summary>
public static class SlackLimits
{
    public const int SectionText = 3000;
    public const int SectionField = 2000;
    public const int SectionFields = 10;
    public const int HeaderText = 150;
    public const int ContextElementText = 2000;
    public const int ContextElements = 10;
    public const int BlocksPerMessage = 50;

    /// <summary>Slack accepts 40,000 characters of fallback text but shortens anything past 4,000; keep it readable.</summary>
    public const int FallbackText = 3000;

    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
}
