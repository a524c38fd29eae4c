using System.CommandLine;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli.Tokens;

/// <summary>`geoh apikey create|revoke`: API keys for machine clients, for the first key before any admin token exists.</summary>
internal static class ApiKeyCommands
{
    public static Command Create()
    {
        var gemeente = GemeenteOption.Create("Gemeente code the key is for");
        var naam = new Option<string>("--naam") { Description = "What the client is, e.g. 'briefingscherm post Noord'", Required = true };
        var rol = new Option<string[]>("--rol")
        {
            Description = $"Role(s): {string.Join(", ", ApiKeyRules.ToegestaneRollen)}", Required = true,
            AllowMultipleArgumentsPerToken = true
        };
        var create = new Command("create", "Create a key and print it once (only its hash is stored).") { gemeente, naam, rol };
        create.SetAction(async (pr, ct) =>
        {
            var (code, rollen) = (pr.GetValue(gemeente)!, pr.GetValue(rol)!);
            if (ApiKeyRules.Check(pr.GetValue(naam), rollen) is var (field, reason))
            {
                Console.Error.WriteLine($"--{(field == "rollen" ? "rol" : field)}: {reason}");
                return 2;
            }
            return await WithStore(code, async store =>
            {
                var nieuw = await store.CreateAsync(code, pr.GetValue(naam)!, rollen, ct);
                Console.Error.WriteLine($"API key {nieuw.Key.Id} '{nieuw.Key.Naam}' ({string.Join(", ", nieuw.Key.Rollen)}) for {code}; send it as " +
                    $"{ApiKeyAuthenticationHandler.Header}:");
                Console.WriteLine(nieuw.Sleutel);
                return 0;
            }, ct);
        });

        var id = new Option<long>("--id") { Description = "Id of the key (see GET /api/v1/api-keys)", Required = true };
        var revokeGemeente = GemeenteOption.Create("Gemeente code of the key");
        var revoke = new Command("revoke", "Revoke a key.") { revokeGemeente, id };
        revoke.SetAction(async (pr, ct) =>
        {
            var code = pr.GetValue(revokeGemeente)!;
            return await WithStore(code, async store =>
            {
                if (await store.RevokeAsync(code, pr.GetValue(id), ct)) return 0;
                Console.Error.WriteLine($"gemeente {code} has no API key {pr.GetValue(id)}");
                return 2;
            }, ct);
        });

        var group = new Command("apikey", "API keys for machine clients (briefing screen, KCC intake).");
        group.Subcommands.Add(create);
        group.Subcommands.Add(revoke);
        return group;
    }

    private static async Task<int> WithStore(string gemeente, Func<ApiKeyStore, Task<int>> action, CancellationToken ct)
    {
        await using var services = CliHost.BuildServices(s => s.AddSingleton<ApiKeyLookup>().AddScoped<ApiKeyStore>());
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>().Gemeenten.FindAsync([gemeente], ct) is null)
        {
            Console.Error.WriteLine($"--gemeente: gemeente {gemeente} does not exist in this database");
            return 2;
        }
        return await action(scope.ServiceProvider.GetRequiredService<ApiKeyStore>());
    }
}
