using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BotHost.Tests;

/// <summary>
/// A real <c>redis-server</c> (the Debian package) on a free loopback port, with no persistence, in a folder of its
/// own; killed on dispose. Tests that need one use <see cref="RedisFactAttribute"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>Set by CI (.ci/run, which installs redis-server): a missing redis-server fails the tests instead of skipping them.</summary>
    public const string RequireVariable = "BOTHOST_REQUIRE_REDIS";

    // Caps every wait so a broken setup fails instead of hanging; not a timing assertion.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _folder;
    private Process? _process;

    private RedisServer(int port, string folder, Process process)
    {
        Port = port;
        _folder = folder;
        _process = process;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for this server, as <c>Redis:Configuration</c> takes it.</summary>
    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Why Redis tests cannot run here (and what to install), or null when they can.</summary>
    public static string? MissingPrerequisite() =>
        FindOnPath("redis-server") is null
            ? "redis-server is needed for the shared-state tests: install it (Debian: apt-get install redis-server); .ci/run does."
            : null;

    public static async Task<RedisServer> StartAsync()
    {
        if (MissingPrerequisite() is { } missing)
        {
            // Reached under CI (BOTHOST_REQUIRE_REDIS=1): say what to install.
            throw new InvalidOperationException(missing);
        }

        var folder = Directory.CreateTempSubdirectory("bothost-redis-").FullName;

        // The port is free when chosen but could be taken before redis-server binds it: then try another.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("redis-server")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new RedisServer(port, folder, process);
            if (await server.WaitUntilAnsweringAsync())
            {
                return server;
            }

            await server.StopAsync();
            if (attempt == 3)
            {
                Directory.Delete(folder, recursive: true);
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException("redis-server did not start: " + log);
            }
        }
    }

    /// <summary>Sends one command (RESP) and returns the first line of the reply, e.g. <c>+PONG</c> or <c>:1</c>.</summary>
    public async Task<string> CommandAsync(params string[] arguments)
    {
        using var cts = new CancellationTokenSource(Patience);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port, cts.Token);
        var stream = client.GetStream();
        var request = new StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cts.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadLineAsync(cts.Token) ?? string.Empty;
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open and calls get no answer, as with a hung Redis.</summary>
    public async Task FreezeAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-STOP", process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        using var cts = new CancellationTokenSource(Patience);
        await kill.WaitForExitAsync(cts.Token);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Lets a frozen server (<see cref="FreezeAsync"/>) run again (SIGCONT): its open connections answer again.</summary>
    public async Task ResumeAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-CONT", process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        using var cts = new CancellationTokenSource(Patience);
        await kill.WaitForExitAsync(cts.Token);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Kills the server, as an outage would; later calls to it are refused.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            using var cts = new CancellationTokenSource(Patience);
            await process.WaitForExitAsync(cts.Token);
            process.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private async Task<bool> WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience && _process is { HasExited: false })
        {
            try
            {
                if (await CommandAsync("PING") == "+PONG")
                {
                    return true;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>
/// A test that needs <c>redis-server</c>. Without it the test is skipped with what to install, unless
/// <c>BOTHOST_REQUIRE_REDIS=1</c> (CI), where it runs and fails with that message: CI can never pass by skipping it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(RedisServer.RequireVariable) != "1" && RedisServer.MissingPrerequisite() is { } missing)
        {
            Skip = missing;
        }
    }
}
