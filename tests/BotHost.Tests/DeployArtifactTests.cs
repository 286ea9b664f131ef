using System.Diagnostics;
using System.Net;
using BotHost.Health;
using YamlDotNet.RepresentationModel;

namespace BotHost.Tests;

/// <summary>
/// deploy/Dockerfile, deploy/docker-compose.yml and deploy/k8s/ checked against the app's real settings, endpoints and
/// CI's publish command: no container engine runs here, so these keep the artifacts from drifting from the code.
/// </summary>
public sealed class DeployArtifactTests
{
    [Fact]
    public void Every_environment_variable_in_the_deploy_files_names_a_real_setting()
    {
        var names = new List<(string File, string Name)>();
        names.AddRange(DeployFiles.DockerfileEnvironment().Keys.Select(n => ("deploy/Dockerfile", n)));
        var compose = DeployFiles.Yaml("deploy/docker-compose.yml").Single();
        names.AddRange(compose.Map("services").Map("bothost").Map("environment").Children.Keys
            .Select(k => ("deploy/docker-compose.yml", ((YamlScalarNode)k).Value!)));
        foreach (var workload in Workloads())
        {
            names.AddRange(DeployFiles.Containers(workload).SelectMany(c => c.Maps("env")).Select(e => ("deploy/k8s", e.Text("name")!)));
        }

        // envFrom hands every key of these secrets to the bot as an environment variable.
        foreach (var secret in DeployFiles.KubernetesObjects().Where(o => o.Text("kind") == "Secret"))
        {
            names.AddRange(secret.Map("stringData").Children.Keys.Select(k => ("deploy/k8s secret", ((YamlScalarNode)k).Value!)));
        }

        Assert.Contains(("deploy/k8s", "Stories__Path"), names);
        var unknown = names.Where(n => !DeployFiles.FrameworkSettings.Contains(n.Name) && DeployFiles.SettingOf(n.Name) is null).ToList();
        Assert.True(unknown.Count == 0, "not a setting of the bot: " + string.Join(", ", unknown));

        // The mapping itself: Section__Key binds to the options property, a misspelt key to nothing.
        Assert.Equal("Path", DeployFiles.SettingOf("Stories__Path")?.Name);
        Assert.Equal("SigningSecret", DeployFiles.SettingOf("Slack__SigningSecret")?.Name);
        Assert.Null(DeployFiles.SettingOf("Stories__Paths"));
        Assert.Null(DeployFiles.SettingOf("Discord__Shard"));
    }

    [Fact]
    public void Slack_is_turned_on_in_the_deploy_files_by_its_secret_or_app_token_never_by_an_enabled_flag()
    {
        var files = Directory.GetFiles(DeployFiles.PathOf("deploy"), "*", SearchOption.AllDirectories);

        Assert.All(files, f => Assert.DoesNotContain("Slack__Enabled", File.ReadAllText(f), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(files, f => File.ReadAllText(f).Contains("Slack__SigningSecret", StringComparison.Ordinal));
        Assert.Contains(files, f => File.ReadAllText(f).Contains("Slack__AppToken", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_secret_the_workloads_read_is_in_the_secret_template_and_holds_no_real_value()
    {
        var secrets = DeployFiles.KubernetesObjects().Where(o => o.Text("kind") == "Secret")
            .ToDictionary(s => s.Map("metadata").Text("name")!, StringComparer.Ordinal);
        foreach (var container in Workloads().SelectMany(DeployFiles.Containers))
        {
            foreach (var source in container.Maps("envFrom"))
            {
                Assert.Contains(source.Map("secretRef").Text("name")!, secrets.Keys);
            }
        }

        foreach (var value in secrets.Values.SelectMany(s => s.Map("stringData").Children.Values).Cast<YamlScalarNode>())
        {
            Assert.StartsWith("REPLACE", value.Value, StringComparison.Ordinal);
        }

        // The gateway must not see a public key: with one, the bot serves HTTP interactions instead of connecting.
        Assert.DoesNotContain("Discord__PublicKey", secrets["bothost-gateway"].Map("stringData").Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value));
    }

    [Fact]
    public void Dockerfile_runs_as_non_root_listens_where_Urls_says_and_checks_the_real_liveness_path()
    {
        var instructions = DeployFiles.Dockerfile().ToList();
        var env = DeployFiles.DockerfileEnvironment();
        var port = DeployFiles.PortOf(env["Urls"]);

        Assert.Equal(2, instructions.Count(i => i.Instruction == "FROM"));
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(instructions, i => i.Instruction == "EXPOSE").Arguments);
        var user = instructions.Last(i => i.Instruction == "USER").Arguments;
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.True(instructions.FindLastIndex(i => i.Instruction == "USER") > instructions.FindLastIndex(i => i.Instruction == "FROM"));

        var healthcheck = Assert.Single(instructions, i => i.Instruction == "HEALTHCHECK").Arguments;
        Assert.Contains($"/dev/tcp/127.0.0.1/{port}", healthcheck, StringComparison.Ordinal);
        Assert.Contains($"GET {BotHealth.LivePath} ", healthcheck, StringComparison.Ordinal);

        // The stories and the only writable path come in as volumes.
        var volumes = Assert.Single(instructions, i => i.Instruction == "VOLUME").Arguments;
        Assert.Contains($"\"{env["Stories__Path"]}\"", volumes, StringComparison.Ordinal);
        Assert.Contains("\"/tmp\"", volumes, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_publishes_the_port_Urls_names_and_keeps_the_root_filesystem_read_only()
    {
        var bot = DeployFiles.Yaml("deploy/docker-compose.yml").Single().Map("services").Map("bothost");
        var port = DeployFiles.PortOf(bot.Map("environment").Text("Urls")!);

        var published = bot.Seq("ports").Cast<YamlScalarNode>().Select(p => p.Value!).ToList();
        Assert.Contains(published, p => p.EndsWith(":" + port, StringComparison.Ordinal));
        Assert.Equal("true", bot.Text("read_only"));
        Assert.Contains(bot.Seq("volumes").Cast<YamlScalarNode>(), v => v.Value!.Contains(':' + bot.Map("environment").Text("Stories__Path")!, StringComparison.Ordinal));
    }

    [Fact]
    public void Kubernetes_ports_probes_service_and_autoscaler_agree_with_the_app()
    {
        foreach (var workload in Workloads())
        {
            var container = Assert.Single(DeployFiles.Containers(workload));
            var urls = container.Maps("env").Single(e => e.Text("name") == "Urls").Text("value")!;
            var ports = container.Maps("ports").ToDictionary(p => p.Text("name")!, p => int.Parse(p.Text("containerPort")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(DeployFiles.PortOf(urls), Assert.Single(ports).Value);

            var liveness = container.Map("livenessProbe").Map("httpGet");
            var readiness = container.Map("readinessProbe").Map("httpGet");
            Assert.Equal(BotHealth.LivePath, liveness.Text("path"));
            Assert.Equal(BotHealth.ReadyPath, readiness.Text("path"));
            Assert.Contains(liveness.Text("port")!, ports.Keys);
            Assert.Contains(readiness.Text("port")!, ports.Keys);

            var security = container.Map("securityContext");
            Assert.Equal("true", security.Text("readOnlyRootFilesystem"));
            Assert.Equal("true", workload.Map("spec").Map("template").Map("spec").Map("securityContext").Text("runAsNonRoot"));
            var mounts = container.Maps("volumeMounts").Select(m => m.Text("mountPath")).ToList();
            Assert.Contains(container.Maps("env").Single(e => e.Text("name") == "Stories__Path").Text("value"), mounts);
            Assert.Contains("/tmp", mounts);
        }

        var deployment = DeployFiles.Kind("Deployment", "bothost-http");
        var service = DeployFiles.Kind("Service", "bothost-http");
        var podLabels = deployment.Map("spec").Map("template").Map("metadata").Map("labels");
        foreach (var (key, value) in service.Map("spec").Map("selector").Children)
        {
            Assert.Equal(((YamlScalarNode)value).Value, podLabels.Text(((YamlScalarNode)key).Value!));
        }

        var portNames = DeployFiles.Containers(deployment).SelectMany(c => c.Maps("ports")).Select(p => p.Text("name")).ToList();
        Assert.All(service.Map("spec").Maps("ports"), p => Assert.Contains(p.Text("targetPort"), portNames));

        var target = DeployFiles.Kind("HorizontalPodAutoscaler", "bothost-http").Map("spec").Map("scaleTargetRef");
        Assert.Equal(("Deployment", "bothost-http"), (target.Text("kind"), target.Text("name")));

    }

    [Fact]
    public void Gateway_pods_split_the_shards_by_ordinal_and_every_bot_pod_reaches_the_redis_service()
    {
        var gateway = DeployFiles.Kind("StatefulSet", "bothost-gateway");
        var env = Assert.Single(DeployFiles.Containers(gateway)).Maps("env").ToDictionary(e => e.Text("name")!, StringComparer.Ordinal);
        var replicas = int.Parse(gateway.Map("spec").Text("replicas")!, System.Globalization.CultureInfo.InvariantCulture);
        var processCount = int.Parse(env["Discord__ProcessCount"].Text("value")!, System.Globalization.CultureInfo.InvariantCulture);
        var shards = int.Parse(env["Discord__Shards"].Text("value")!, System.Globalization.CultureInfo.InvariantCulture);

        // One process per pod, each knowing its index from its ordinal; every shard runs in exactly one pod.
        Assert.Equal(replicas, processCount);
        Assert.Equal("metadata.labels['apps.kubernetes.io/pod-index']", env["Discord__ProcessIndex"].Map("valueFrom").Map("fieldRef").Text("fieldPath"));
        var owners = Enumerable.Range(0, shards).Select(shard => Enumerable.Range(0, processCount).Count(index =>
            new DiscordBot.DiscordOptions { Shards = shards, ProcessCount = processCount, ProcessIndex = index }.ShardIdList()!.Contains(shard)));
        Assert.All(owners, count => Assert.Equal(1, count));
        Assert.True(new DiscordBot.DiscordOptionsValidator().Validate(null, new DiscordBot.DiscordOptions { Shards = shards, ProcessCount = processCount, ProcessIndex = processCount - 1 }).Succeeded);

        // Both kinds of pod name the Redis service on its port.
        var redis = DeployFiles.Kind("Service", "bothost-redis");
        var port = redis.Map("spec").Maps("ports").Single().Text("port");
        foreach (var workload in Workloads())
        {
            var configuration = Assert.Single(DeployFiles.Containers(workload)).Maps("env").Single(e => e.Text("name") == "Redis__Configuration").Text("value");
            Assert.Equal($"bothost-redis:{port}", configuration);
        }

        var redisPod = DeployFiles.Kind("Deployment", "bothost-redis").Map("spec").Map("template");
        foreach (var (key, value) in redis.Map("spec").Map("selector").Children)
        {
            Assert.Equal(((YamlScalarNode)value).Value, redisPod.Map("metadata").Map("labels").Text(((YamlScalarNode)key).Value!));
        }

        Assert.Equal("true", Assert.Single(DeployFiles.Containers(DeployFiles.Kind("Deployment", "bothost-redis"))).Map("securityContext").Text("readOnlyRootFilesystem"));
    }

    [Fact]
    public void Ci_runs_the_publish_command_the_Dockerfile_builds_with()
    {
        var docker = DeployFiles.PublishCommand(string.Join('\n', DeployFiles.Dockerfile().Where(i => i.Instruction == "RUN").Select(i => i.Arguments)));
        var ci = DeployFiles.PublishCommand(File.ReadAllText(DeployFiles.PathOf(".ci/run")));

        Assert.Equal(DeployFiles.WithoutOutputFolder(docker), DeployFiles.WithoutOutputFolder(ci));
        Assert.Contains("src/BotHost/BotHost.csproj", docker, StringComparison.Ordinal);
        Assert.Contains("-c Release", docker, StringComparison.Ordinal);
    }

    /// <summary>
    /// The HTTP Deployment's own settings start the real executable (only the address, the stories folder and the
    /// signing secret changed for a test): its probe paths answer, and the Slack manifest's request URLs reach endpoints
    /// (401 for an unsigned request, not 404).
    /// </summary>
    [Fact]
    public async Task The_http_deployments_settings_start_the_real_bot_and_serve_the_probe_and_slack_manifest_paths()
    {
        var container = Assert.Single(DeployFiles.Containers(DeployFiles.Kind("Deployment", "bothost-http")));
        var stories = Directory.CreateTempSubdirectory("bothost-deploy-");
        try
        {
            foreach (var story in Directory.GetFiles(BotHostProcess.SeedsFolder))
            {
                File.Copy(story, Path.Combine(stories.FullName, Path.GetFileName(story)));
            }

            var start = BotHostProcess.StartInfo("--urls", "http://127.0.0.1:0", "--seeds", stories.FullName, "--semantic", "false");
            foreach (var env in container.Maps("env"))
            {
                start.Environment[env.Text("name")!] = env.Text("value");
            }

            start.Environment["Slack__SigningSecret"] = "test-signing-secret-0123456789abcdef";
            using var process = Process.Start(start)!;
            try
            {
                var baseAddress = await DiscordModeTests.ReadListeningAddressAsync(process);
                using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(container.Map("livenessProbe").Map("httpGet").Text("path"))).StatusCode);
                await BotHostProcess.WaitUntilReadyAsync(http);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(container.Map("readinessProbe").Map("httpGet").Text("path"))).StatusCode);

                foreach (var url in SlackManifestTests.RequestUrls())
                {
                    using var unsigned = new StringContent("command=%2Fask&text=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                    Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync(url.AbsolutePath, unsigned)).StatusCode);
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            stories.Delete(recursive: true);
        }
    }

    /// <summary>The bot's own workloads (the Redis beside them runs another image).</summary>
    private static IEnumerable<YamlMappingNode> Workloads() =>
        DeployFiles.KubernetesObjects().Where(o => o.Text("kind") is "Deployment" or "StatefulSet")
            .Where(o => DeployFiles.Containers(o).Any(c => c.Text("image")?.StartsWith("bothost", StringComparison.Ordinal) == true));
}
