using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NSec.Cryptography;

namespace BotHost.Tests;

/// <summary>The executable in Discord interactions mode, end to end: real process, real Kestrel, real Ed25519 signatures.</summary>
public sealed partial class DiscordModeTests
{
    [Fact]
    public async Task With_a_public_key_the_bot_serves_signed_interactions_over_http()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var publicKey = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant();
        using var process = Process.Start(BotHostProcess.StartInfo(
            "--seeds", BotHostProcess.SeedsFolder,
            "--urls", "http://127.0.0.1:0",
            "--Discord:PublicKey", publicKey,
            "--Discord:ApplicationId", "123456789012345678"))!;
        try
        {
            var baseAddress = await ReadListeningAddressAsync(process);
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

            // Alive at once, indexing or not; ready (503 until then) once the stories are indexed.
            Assert.Equal("ok", (await http.GetStringAsync("/healthz")).Trim());
            Assert.Contains((await http.GetAsync("/readyz")).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
            await BotHostProcess.WaitUntilReadyAsync(http);

            var ping = await PostSignedAsync(http, key, """{"type":1,"id":"1","application_id":"123456789012345678","token":"t","version":1}""");
            Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
            Assert.Equal("""{"type":1}""", (await ping.Content.ReadAsStringAsync()).Replace(" ", string.Empty, StringComparison.Ordinal));

            var ask = await PostSignedAsync(http, key, """
                {"type":2,"id":"2","application_id":"123456789012345678","token":"t","version":1,
                 "data":{"id":"3","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"Who is the Middle East envoy?"}]}}
                """);
            var body = await ask.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
            Assert.Contains("\"type\":4", body, StringComparison.Ordinal);
            Assert.Contains("envoy", body, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", body, StringComparison.Ordinal);

            Assert.Equal("ok", (await http.GetStringAsync("/readyz")).Trim());

            using var unsigned = new StringContent("""{"type":1}""", Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/discord/interactions", unsigned)).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Metrics_count_commands_by_platform_and_rejected_signatures_in_prometheus_text()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        using var process = Process.Start(BotHostProcess.StartInfo(
            "--seeds", BotHostProcess.SeedsFolder,
            "--urls", "http://127.0.0.1:0",
            "--semantic", "false",
            "--Discord:PublicKey", Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant(),
            "--Discord:ApplicationId", "123456789012345678"))!;
        try
        {
            var baseAddress = await ReadListeningAddressAsync(process);
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await BotHostProcess.WaitUntilReadyAsync(http);

            var ask = await PostSignedAsync(http, key, """
                {"type":2,"id":"2","application_id":"123456789012345678","token":"t","version":1,
                 "data":{"id":"3","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"Who is the Middle East envoy?"}]}}
                """);
            Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
            using var unsigned = new StringContent("""{"type":1}""", Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/discord/interactions", unsigned)).StatusCode);

            using var scrape = await http.GetAsync("/metrics");
            var text = await scrape.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
            var lines = text.Split('\n');
            Assert.Contains(lines, l => l.StartsWith("bot_commands_total{", StringComparison.Ordinal) && l.Contains("command=\"ask\"", StringComparison.Ordinal) &&
                                        l.Contains("platform=\"discord\"", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("bot_command_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("platform=\"discord\"", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("bot_signature_rejections_total{", StringComparison.Ordinal) && l.Contains("reason=\"missing\"", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("/discord/interactions", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("dotnet_gc_", StringComparison.Ordinal));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_malformed_public_key_stops_the_bot_naming_the_setting_not_its_value()
    {
        var result = await BotHostProcess.RunAsync(null, "--seeds", BotHostProcess.SeedsFolder, "--Discord:PublicKey", "not-a-key-secret", "--Discord:ApplicationId", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Discord:PublicKey", result.Stderr + result.Stdout);
        Assert.DoesNotContain("not-a-key-secret", result.Stderr + result.Stdout);
    }

    [Fact]
    public async Task Register_commands_without_settings_explains_what_is_missing()
    {
        var result = await BotHostProcess.RunAsync(null, "register-commands");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Discord:ApplicationId", result.Stderr + result.Stdout);
    }

    private static async Task<HttpResponseMessage> PostSignedAsync(HttpClient http, Key key, string json)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + json));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return await http.SendAsync(request);
    }

    /// <summary>Kestrel logs the address it bound ("Now listening on: http://127.0.0.1:PORT"); port 0 picks a free one.</summary>
    internal static async Task<Uri> ReadListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                // Keep draining output so the child never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("BotHost exited before listening: " + await process.StandardError.ReadToEndAsync(CancellationToken.None));
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
