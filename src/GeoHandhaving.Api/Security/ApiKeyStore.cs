using System.Collections.Concurrent;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GeoHandhaving.Api.Security;

public sealed record NieuweApiKey(ApiKey Key, string Sleutel);

/// <summary>Creates, lists and revokes a gemeente's API keys; the secret leaves this class once, at creation.</summary>
public sealed class ApiKeyStore(GeoHandhavingDbContext db, ApiKeyLookup lookup, TimeProvider clock)
{
    public async Task<NieuweApiKey> CreateAsync(string gemeente, string naam, IReadOnlyCollection<string> rollen, CancellationToken ct)
    {
        var sleutel = ApiKeySecret.New(gemeente);
        var key = new ApiKey
        {
            GemeenteId = gemeente, Naam = naam.Trim(), Hash = ApiKeySecret.Hash(sleutel), Rollen = [.. rollen.Distinct()],
            AangemaaktOp = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new NieuweApiKey(key, sleutel);
    }

    public Task<List<ApiKey>> ListAsync(string gemeente, CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().Where(k => k.GemeenteId == gemeente).OrderBy(k => k.Id).ToListAsync(ct);

    /// <summary>Revokes a key (idempotent: the first revocation time stays); false when the gemeente has no such key.</summary>
    public async Task<bool> RevokeAsync(string gemeente, long id, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.GemeenteId == gemeente && k.Id == id, ct);
        if (key is null) return false;
        key.IngetrokkenOp ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        lookup.Forget(key.Hash);
        await db.Database.ExecuteSqlRawAsync(NotificationSql.Notify,
            [new NpgsqlParameter("channel", ApiKeyLookup.RevokedChannel), new NpgsqlParameter("payload", key.Hash)], ct);
        return true;
    }
}

public sealed record ApiKeyIdentity(string GemeenteId, long Id, string Naam, string[] Rollen);

/// <summary>
/// Finds the active key behind a presented secret. Known keys are cached briefly so a briefing screen polling every few
/// seconds costs no query. A revocation reaches every other instance at once as a PostgreSQL notification
/// (<see cref="RevokedChannel"/>, handled by <see cref="RevokedHandler"/>); an instance that missed it (its listening
/// connection was being reopened) stops accepting the key within <see cref="CacheTime"/>.
/// Unknown secrets are never cached, so guessing cannot fill memory.
/// </summary>
public sealed class ApiKeyLookup(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(30);
    public const string RevokedChannel = "geoh_api_key_ingetrokken";

    public static readonly DatabaseNotificationHandler RevokedHandler =
        new(RevokedChannel, (services, hash) => { services.GetRequiredService<ApiKeyLookup>().Forget(hash); return Task.CompletedTask; });
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Key, DateTimeOffset Until)> _cache = new();

    public async Task<ApiKeyIdentity?> FindAsync(string gemeente, string hash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now) return cached.Key;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>();
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.GemeenteId == gemeente && k.Hash == hash && k.IngetrokkenOp == null)
            .Select(k => new ApiKeyIdentity(k.GemeenteId, k.Id, k.Naam, k.Rollen)).SingleOrDefaultAsync(ct);
        if (key is null)
        {
            _cache.TryRemove(hash, out _);
            return null;
        }
        _cache[hash] = (key, now + CacheTime);
        return key;
    }

    public void Forget(string hash) => _cache.TryRemove(hash, out _);
}
