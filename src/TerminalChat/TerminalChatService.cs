using ChatCommands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TerminalChat;

/// <summary>Runs the terminal chat on the console and stops the application when the user leaves.</summary>
public sealed class TerminalChatService(ICommandDispatcher dispatcher, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ansi = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var session = new TerminalChatSession(dispatcher, Console.In, Console.Out, ansi);
        try
        {
            // No prompt before the stories are indexed: a folder that can't be served ends the program instead.
            await dispatcher.WaitUntilReadyAsync(stoppingToken);
            await session.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C: the host is already stopping.
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The stories could not be loaded; the indexer has said why and the host reports it.
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}

public static class TerminalChatServiceCollectionExtensions
{
    public static IServiceCollection AddTerminalChat(this IServiceCollection services) =>
        services.AddHostedService<TerminalChatService>();
}
