using System.Globalization;
using System.Security.Claims;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Platform;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GeoHandhaving.Api.Security;

public sealed record SessieUitvoer(
    string Gebruiker, string Gemeente, string[] Rollen, string Aanmelding, DateTimeOffset? SessieVerlooptOp, DateTimeOffset? TokenVerlooptOp);

/// <summary>
/// Signing a person in and out in the browser (see <see cref="BrowserSessieServices"/>): /aanmelden goes to the gemeente's
/// OpenID Provider, or, without one, shows the local development page; /afmelden ends the session here and at the provider.
/// </summary>
public static class AanmeldenApi
{
    private const string LokaalClaim = "aanmelding";

    public static IEndpointRouteBuilder MapAanmeldenApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Aanmelden");
        api.MapGet(BrowserSessieServices.AanmeldPad, MeldAan).AllowAnonymous().WithName("Aanmelden")
            .WithSummary("Sign in: to the gemeente's OpenID Provider (code + PKCE), or without one the local development page");
        api.MapPost(BrowserSessieServices.AanmeldPad, MeldLokaalAan).AllowAnonymous().WithName("MeldLokaalAan")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded").DisableAntiforgery()
            .WithSummary("Local development sign-in (form: gemeente, rol, gebruiker); refused in Production unless Auth:LokaleAanmelding");
        api.MapPost("/afmelden", MeldAf).AllowAnonymous().WithName("Afmelden")
            .WithSummary("Sign out: ends the server-side session, and the provider's session when signed in there");
        api.MapGet("/api/v1/sessie", LeesSessie).RequireAuthorization(Policies.Aangemeld).WithName("Sessie")
            .WithSummary("Who is signed in: user, gemeente, roles, and when the session and its access token expire");
        return app;
    }

    internal static async Task<Results<ChallengeHttpResult, ContentHttpResult, ProblemHttpResult>> MeldAan(
        string? terug, HttpContext http, IOptions<AuthOptions> auth, IHostEnvironment env, IAntiforgery antiforgery, GeoHandhavingDbContext db,
        CancellationToken ct)
    {
        var doel = LokaalPad(terug);
        if (auth.Value.BrowserOidc) return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = doel }, [BrowserSessieServices.OidcScheme]);
        if (LokaalGeweigerd(auth.Value, env) is { } geweigerd) return geweigerd;
        var gemeenten = await db.Gemeenten.AsNoTracking().OrderBy(g => g.Id).Select(g => new { g.Id, g.Naam }).ToListAsync(ct);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var pagina = LokaleAanmeldPagina.Render(doel, gemeenten.Select(g => (g.Id, g.Naam)).ToList(), tokens.FormFieldName, tokens.RequestToken!);
        return TypedResults.Content(pagina, "text/html; charset=utf-8");
    }

    internal static async Task<Results<RedirectHttpResult, ProblemHttpResult>> MeldLokaalAan(
        HttpContext http, IOptions<AuthOptions> auth, IHostEnvironment env, IAntiforgery antiforgery, GeoHandhavingDbContext db, CancellationToken ct)
    {
        if (auth.Value.BrowserOidc)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "local-sign-in-off", "Lokale aanmelding uit",
                $"Deze omgeving meldt aan bij de identity provider van de gemeente: ga naar {BrowserSessieServices.AanmeldPad}.");
        }
        if (LokaalGeweigerd(auth.Value, env) is { } geweigerd) return geweigerd;
        if (!http.Request.HasFormContentType) return Problems.InvalidField("body", "een formulier (application/x-www-form-urlencoded) van de aanmeldpagina.");
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Problems.InvalidField("__RequestVerificationToken",
                $"het formulier komt niet van de aanmeldpagina of is verlopen; open {BrowserSessieServices.AanmeldPad} opnieuw.");
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Problems.InvalidField("body", "het formulier bevat een teken dat niet kan (NUL, of een onvolledige %-codering).");
        }
        var gemeente = form["gemeente"].ToString().Trim();
        var rol = form["rol"].ToString().Trim();
        var gebruiker = form["gebruiker"].ToString().Trim();
        if (!await db.Gemeenten.AnyAsync(g => g.Id == gemeente, ct))
        {
            return Problems.InvalidField("gemeente", "een gemeente van deze database (zie de keuzelijst).", gemeente);
        }
        if (!Roles.All.Contains(rol)) return Problems.InvalidField("rol", $"een van: {string.Join(", ", Roles.All)}.", rol);
        if (gebruiker.Length is 0 or > 100 || gebruiker.Any(char.IsControl))
        {
            return Problems.InvalidField("gebruiker", "een gebruikersnaam van 1 t/m 100 tekens (voor een boa: zijn gebruikersnaam).", gebruiker);
        }

        var claims = new[]
        {
            new Claim("sub", gebruiker), new Claim(auth.Value.GemeenteClaim, gemeente), new Claim(auth.Value.RoleClaim, rol), new Claim(LokaalClaim, "lokaal"),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, BrowserSessieServices.CookieScheme, "sub", auth.Value.RoleClaim));
        await http.SignInAsync(BrowserSessieServices.CookieScheme, principal);
        return TypedResults.LocalRedirect(LokaalPad(form["terug"]));
    }

    internal static async Task<Results<SignOutHttpResult, RedirectHttpResult>> MeldAf(HttpContext http, IOptions<AuthOptions> auth)
    {
        var sessie = await http.AuthenticateAsync(BrowserSessieServices.CookieScheme);
        var bijProvider = auth.Value.BrowserOidc && sessie.Properties?.GetTokenValue("id_token") is not null;
        if (!bijProvider)
        {
            await http.SignOutAsync(BrowserSessieServices.CookieScheme);
            return TypedResults.LocalRedirect(BrowserSessieServices.AanmeldPad);
        }
        // The id_token_hint tells the provider whose session to end; it comes back to /afmelden/oidc and then here.
        var properties = new AuthenticationProperties { RedirectUri = BrowserSessieServices.AanmeldPad };
        properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = sessie.Properties!.GetTokenValue("id_token")! }]);
        return TypedResults.SignOut(properties, [BrowserSessieServices.CookieScheme, BrowserSessieServices.OidcScheme]);
    }

    internal static async Task<Ok<SessieUitvoer>> LeesSessie(HttpContext http, CurrentUser user)
    {
        var sessie = await http.AuthenticateAsync(BrowserSessieServices.CookieScheme);
        var token = sessie.Properties?.GetTokenValue("expires_at") is { } tekst
            ? DateTimeOffset.Parse(tekst, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : (DateTimeOffset?)null;
        var aanmelding = !sessie.Succeeded ? "machine" : http.User.FindFirst(LokaalClaim) is not null ? "lokaal" : "oidc";
        return TypedResults.Ok(new SessieUitvoer(user.Naam, user.GemeenteId, [.. Roles.All.Where(user.IsInRole)], aanmelding,
            sessie.Properties?.ExpiresUtc, token));
    }

    /// <summary>The local page is for development: in Production only when Auth:LokaleAanmelding says so explicitly.</summary>
    private static ProblemHttpResult? LokaalGeweigerd(AuthOptions auth, IHostEnvironment env) =>
        env.IsProduction() && !auth.LokaleAanmelding
            ? Problems.Create(StatusCodes.Status403Forbidden, "local-sign-in-refused", "Lokale aanmelding geweigerd",
                "In productie meldt u aan bij de identity provider van de gemeente: stel Auth:Authority, Auth:ClientId en Auth:ClientSecret in. " +
                "De lokale aanmeldpagina (gemeente en rol kiezen) is alleen voor ontwikkeling (Auth:LokaleAanmelding=true zet haar toch aan).")
            : null;

    /// <summary>Only a path of this site (never another host: no open redirect); the map page otherwise.</summary>
    private static string LokaalPad(string? terug) =>
        terug is { Length: > 0 } pad && pad[0] == '/' && (pad.Length == 1 || (pad[1] != '/' && pad[1] != '\\')) && !pad.Any(char.IsControl) ? pad : "/kaart";
}
