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

        // A person at a terminal gets line editing and history; pipes and files are read line by line as before.
        var interactive = !Console.IsInputRedirected;
        ILineReader input = interactive ? new LineEditor(new ConsoleKeyReader(), Console.Out) : new TextLineReader(Console.In);
        var session = new TerminalChatSession(dispatcher, input, Console.Out, ansi);
        var controlCWasInput = interactive && Console.TreatControlCAsInput;
        try
        {
            // No prompt before the stories are indexed: a folder that can't be served ends the program instead.
            await dispatcher.WaitUntilReadyAsync(stoppingToken);

            // While chatting, Ctrl+C reaches the editor as a key (drop the line, or leave on an empty one)
            // instead of stopping the host mid-line.
            if (interactive)
            {
                Console.TreatControlCAsInput = true;
            }

            await session.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C before the prompt, or a stop signal: the host is already stopping.
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The stories could not be loaded; the indexer has said why and the host reports it.
        }
        finally
        {
            if (interactive)
            {
                Console.TreatControlCAsInput = controlCWasInput;
            }

            lifetime.StopApplication();
        }
    }
}

public static class TerminalChatServiceCollectionExtensions
{
    public static IServiceCollection AddTerminalChat(this IServiceCollection services) =>
        services.AddHostedService<TerminalChatService>();
}
