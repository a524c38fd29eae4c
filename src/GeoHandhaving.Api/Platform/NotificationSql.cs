namespace GeoHandhaving.Api.Platform;

/// <summary>The SQL of <see cref="DatabaseNotifications"/>.</summary>
public static class NotificationSql
{
    /// <summary>Sends @payload on @channel to every listening instance, at commit of the transaction it runs in.</summary>
    public const string Notify = "SELECT pg_notify(@channel, @payload)";
}
