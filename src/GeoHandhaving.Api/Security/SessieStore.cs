using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace GeoHandhaving.Api.Security;

/// <summary>A signed-in browser session: the ticket (claims and the provider's tokens) encrypted, kept server-side.</summary>
public class BrowserSessie
{
    public required string Sleutel { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTimeOffset VerlooptOp { get; set; }
}

/// <summary>
/// Keeps browser sessions in PostgreSQL (every API instance sees them) instead of in the cookie: the cookie carries only
/// a random key, so the access and refresh tokens never reach the browser, sign-out ends the session on the server
/// (an old cookie is worthless), and the cookie stays small. Tickets are encrypted with Data Protection.
/// </summary>
public sealed class SessieStore(NpgsqlDataSource dataSource, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("GeoHandhaving.BrowserSessie.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var sleutel = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        ticket.Properties.Items[SleutelItem] = sleutel;
        await RenewAsync(sleutel, ticket);
        // Expired sessions go on the next sign-in: no job needed, the index keeps it cheap.
        await using var opruimen = dataSource.CreateCommand("DELETE FROM browser_sessie WHERE verloopt_op < @nu");
        opruimen.Parameters.AddWithValue("nu", clock.GetUtcNow());
        await opruimen.ExecuteNonQueryAsync();
        return sleutel;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO browser_sessie (sleutel, ticket, verloopt_op) VALUES (@sleutel, @ticket, @verlooptOp)
            ON CONFLICT (sleutel) DO UPDATE SET ticket = excluded.ticket, verloopt_op = excluded.verloopt_op
            """);
        command.Parameters.AddWithValue("sleutel", key);
        command.Parameters.AddWithValue("ticket", _protector.Protect(TicketSerializer.Default.Serialize(ticket)));
        command.Parameters.AddWithValue("verlooptOp", ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(1));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var command = dataSource.CreateCommand("SELECT ticket FROM browser_sessie WHERE sleutel = @sleutel AND verloopt_op > @nu");
        command.Parameters.AddWithValue("sleutel", key);
        command.Parameters.AddWithValue("nu", clock.GetUtcNow());
        if (await command.ExecuteScalarAsync() is not byte[] ticket) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(ticket));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM browser_sessie WHERE sleutel = @sleutel");
        command.Parameters.AddWithValue("sleutel", key);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The session's own key inside its ticket (the cookie handler does not tell it to its events).</summary>
    public const string SleutelItem = "geoh.sessie";
}

/// <summary>Wires the store into the cookie options (it needs the data source, so it comes from DI).</summary>
internal sealed class SessieStoreOpties(SessieStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == BrowserSessieServices.CookieScheme) options.SessionStore = store;
    }
}
