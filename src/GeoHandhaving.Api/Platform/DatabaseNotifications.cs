using Npgsql;

namespace GeoHandhaving.Api.Platform;

/// <summary>What this instance does when a PostgreSQL notification arrives on <see cref="Channel"/> (the payload is a text).</summary>
public sealed record DatabaseNotificationHandler(string Channel, Func<IServiceProvider, string, Task> HandleAsync);

/// <summary>
/// The one LISTEN connection of an API instance: every capability that must hear of a change made by another instance (or
/// the CLI) registers a <see cref="DatabaseNotificationHandler"/>, and its writer sends <see cref="NotificationSql.Notify"/> in the
/// transaction of the change, so the notification arrives at commit. A lost connection is opened again after 5 s;
/// notifications sent meanwhile are lost, so every handler's state also expires on its own.
/// </summary>
public sealed class DatabaseNotifications(NpgsqlDataSource dataSource, IEnumerable<DatabaseNotificationHandler> handlers,
    IServiceProvider services, ILogger<DatabaseNotifications> log) : BackgroundService
{
    /// <summary>Sends a notification in the transaction of the change it announces.</summary>
    public static async Task SendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string channel, string payload,
        CancellationToken ct)
    {
        await using var notify = new NpgsqlCommand(NotificationSql.Notify, connection, transaction);
        notify.Parameters.AddWithValue("channel", channel);
        notify.Parameters.AddWithValue("payload", payload);
        await notify.ExecuteNonQueryAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byChannel = handlers.ToLookup(h => h.Channel);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(stoppingToken);
                conn.Notification += (_, e) =>
                {
                    foreach (var handler in byChannel[e.Channel])
                    {
                        _ = HandleSafelyAsync(handler, e.Payload);
                    }
                };
                foreach (var channel in byChannel.Select(c => c.Key))
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {channel}", conn);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await conn.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting: listen again shortly.
                log.LogWarning(e, "Database notification listener lost its connection; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { });
            }
        }
    }

    private async Task HandleSafelyAsync(DatabaseNotificationHandler handler, string payload)
    {
        try
        {
            await handler.HandleAsync(services, payload);
        }
        catch (Exception e)
        {
            log.LogError(e, "Handling the database notification {Channel} '{Payload}' failed", handler.Channel, payload);
        }
    }
}
