using ChatCommands;
using DiscordBot.Rest;
using FsCheck;
using FsCheck.Xunit;

namespace DiscordBot.Tests.Rest;

/// <summary>Laws of the command conversion, over generated option lists and arbitrary description text.</summary>
public sealed class DiscordCommandRegistrarPropertyTests
{
    [Property(MaxTest = 300)]
    public bool Options_come_out_required_first_in_declared_order_with_descriptions_discord_accepts(bool[] required, NonNull<string>[] descriptions)
    {
        var count = Math.Min(DiscordCommandRegistrar.MaxOptions, Math.Min(required.Length, descriptions.Length));
        var options = Enumerable.Range(0, count)
            .Select(i => new CommandOption($"o{i}", descriptions[i].Get, i % 2 == 0 ? CommandOptionType.String : CommandOptionType.Integer, required[i]))
            .ToList();
        var description = descriptions.Length > 0 ? descriptions[0].Get : "";

        var command = Assert.Single(DiscordCommandRegistrar.ToApplicationCommands([new CommandDefinition("cmd", description, options)]));

        var expectedOrder = options.Where(o => o.Required).Concat(options.Where(o => !o.Required)).Select(o => o.Name);
        var descriptionsOk = command.Options.Select(o => o.Description).Append(command.Description)
            .All(d => d.Length is >= 1 and <= DiscordCommandRegistrar.MaxDescriptionLength && !char.IsHighSurrogate(d[^1]));
        var typesOk = command.Options.All(o => o.Type == (int.Parse(o.Name[1..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0 ? 3 : 4));
        return command.Options.Select(o => o.Name).SequenceEqual(expectedOrder) && descriptionsOk && typesOk;
    }
}
