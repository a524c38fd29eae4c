using System.Net;
using System.Text;

namespace GeoHandhaving.Api.Security;

/// <summary>The local sign-in page: pick a gemeente and a role. It says plainly that it is for development.</summary>
internal static class LokaleAanmeldPagina
{
    public static string Render(string terug, IReadOnlyList<(string Id, string Naam)> gemeenten, string antiforgeryVeld, string antiforgeryToken)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var opties = new StringBuilder();
        foreach (var (id, naam) in gemeenten) opties.Append($"<option value=\"{E(id)}\">{E(naam)} ({E(id)})</option>");
        var rollen = new StringBuilder();
        foreach (var rol in Roles.All) rollen.Append($"<option value=\"{E(rol)}\"{(rol == Roles.Planner ? " selected" : "")}>{E(rol)}</option>");
        return $$"""
            <!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>GeoHandhaving – aanmelden (ontwikkeling)</title>
            <style>body{font:15px system-ui,sans-serif;max-width:32em;margin:3em auto;padding:0 1em}label{display:block;margin:.8em 0}
            select,input{display:block;width:100%;padding:.3em;margin-top:.2em}.let-op{background:#fff3cd;border:1px solid #e0b400;padding:.8em}
            button{margin-top:1em;padding:.5em 1.2em}</style></head><body>
            <h1>Aanmelden</h1>
            <p class="let-op" id="ontwikkeling"><strong>Alleen voor ontwikkeling.</strong> Er is geen identity provider ingesteld, dus u kiest
            hier zelf een gemeente en een rol. Een echte omgeving meldt aan bij de identity provider van de gemeente
            (<code>Auth:Authority</code>, <code>Auth:ClientId</code>); in productie is deze pagina uitgeschakeld.</p>
            <form method="post" action="{{BrowserSessieServices.AanmeldPad}}">
              <input type="hidden" name="{{E(antiforgeryVeld)}}" value="{{E(antiforgeryToken)}}">
              <input type="hidden" name="terug" value="{{E(terug)}}">
              <label>Gemeente <select id="gemeente" name="gemeente" required>{{opties}}</select></label>
              <label>Rol <select id="rol" name="rol" required>{{rollen}}</select></label>
              <label>Gebruiker <input id="gebruiker" name="gebruiker" required maxlength="100" value="ontwikkelaar">
                <small>Voor een boa: zijn gebruikersnaam bij de boa's van de gemeente, zodat hij zijn eigen wijken ziet.</small></label>
              <button id="aanmelden" type="submit">Aanmelden</button>
            </form></body></html>
            """;
    }
}
