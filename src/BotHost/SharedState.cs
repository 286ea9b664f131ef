using BotHost.Health;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace BotHost;

/// <summary>The <c>Redis</c> settings: where replicas keep the state a later request needs (paging buttons).</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string (<c>redis:6379</c>, <c>redis:6379,password=...</c>). Unset: the
    /// state stays in this process's memory, which is right for one replica only. May hold a password: never logged.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key, so that one Redis can serve other applications too.</summary>
    public string InstanceName { get; set; } = "bothost:";
}

/// <summary>Checks the <c>Redis</c> settings at start; failures name the setting, never its value (it may hold a password).</summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Configuration is { } configuration && !string.IsNullOrWhiteSpace(configuration) && Parse(configuration) is null)
        {
            failures.Add("Redis:Configuration takes a StackExchange.Redis configuration string: host:port, then options such as password=..., e.g. redis:6379.");
        }

        if (string.IsNullOrWhiteSpace(options.InstanceName) || options.InstanceName.Any(char.IsWhiteSpace))
        {
            failures.Add("Redis:InstanceName takes a key prefix without spaces, such as bothost:.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    /// <summary>The parsed configuration, or null when it does not parse or names no server.</summary>
    public static ConfigurationOptions? Parse(string configuration)
    {
        try
        {
            var parsed = ConfigurationOptions.Parse(configuration);
            return parsed.EndPoints.Count > 0 ? parsed : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

public static class SharedStateServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="IDistributedCache"/> that the chat adapters keep their paging state in: Redis when
    /// <c>Redis:Configuration</c> is set (so any replica answers any button), this process's memory otherwise.
    /// Register before the adapters, which fall back to memory when none is registered.
    /// </summary>
    public static IServiceCollection AddBotSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RedisOptions>()
            .Bind(configuration.GetSection(RedisOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        if (string.IsNullOrWhiteSpace(configuration[$"{RedisOptions.SectionName}:{nameof(RedisOptions.Configuration)}"]))
        {
            services.AddDistributedMemoryCache();
            return services;
        }

        services.AddStackExchangeRedisCache(_ => { });
        services.TryAddSingleton<SharedRedisConnection>();

        // Gateway shards split across processes (Discord:ShardIds) space their identifies through the same Redis.
        services.TryAddSingleton<DiscordBot.Gateway.IGatewayIdentifyGateFactory, RedisIdentifyGateFactory>();
        services.AddOptions<RedisCacheOptions>().Configure<IOptions<RedisOptions>, SharedRedisConnection>((cache, redis, connection) =>
        {
            // The cache and the readiness check share one connection, opened at the first use of either.
            cache.ConnectionMultiplexerFactory = connection.GetAsync;
            cache.InstanceName = redis.Value.InstanceName;
        });

        // /healthz/dependencies answers 503 while Redis does not answer a PING on that connection; /readyz and /healthz are
        // unaffected (commands still work; only paging buttons need Redis).
        services.TryAddSingleton<RedisReachableCheck>();
        services.AddHealthChecks().AddCheck<RedisReachableCheck>("redis", tags: [BotHealth.DependencyTag]);
        return services;
    }
}

/// <summary>
/// The one Redis connection of this process, shared by the paging cache and the readiness check; opened at the first
/// use of either, after the settings were validated at start. It reconnects on its own while Redis is down.
/// </summary>
public sealed class SharedRedisConnection(IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(() => ConnectAsync(options.Value));

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync();
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(RedisOptions redis)
    {
        var parsed = RedisOptionsValidator.Parse(redis.Configuration ?? string.Empty)
            ?? throw new OptionsValidationException(RedisOptions.SectionName, typeof(RedisOptions), ["Redis:Configuration is not usable."]);

        // While Redis is unreachable a call fails at once instead of queueing until its timeout: the user is told
        // the results expired straight away, and nothing piles up.
        parsed.BacklogPolicy = BacklogPolicy.FailFast;

        // A Redis that is down at start is retried in the background instead of failing the first call for good.
        parsed.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(parsed).ConfigureAwait(false);
    }
}
