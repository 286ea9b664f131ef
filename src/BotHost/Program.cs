using BotHost;

return await BotHostApp.RunAsync(args, Console.In, Console.Out, Console.Error);
