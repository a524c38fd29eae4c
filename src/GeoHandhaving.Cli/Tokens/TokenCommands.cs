using System.CommandLine;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Cli.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace GeoHandhaving.Cli.Tokens;

internal static class TokenCommands
{
    public static Command Create()
    {
        var role = new Option<string[]>("--role")
        {
            Description = $"Role(s): {string.Join(", ", Roles.All)}", Required = true,
            AllowMultipleArgumentsPerToken = true
        };
        var subject = new Option<string>("--sub") { Description = "Subject (user name)", DefaultValueFactory = _ => Environment.UserName };
        var gemeente = GemeenteOption.Create("Gemeente code the token is for");
        var hours = new Option<double>("--hours") { Description = "Lifetime in hours", DefaultValueFactory = _ => 12 };
        var command = new Command("token", "Print a locally signed JWT for development and scripts.") { role, subject, gemeente, hours };
        command.SetAction(pr =>
        {
            var roles = pr.GetValue(role)!;
            var unknown = roles.Except(Roles.All).ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"unknown role(s): {string.Join(", ", unknown)}; known: {string.Join(", ", Roles.All)}");
                return 2;
            }
            var options = CliHost.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
            var issuer = new LocalTokenIssuer(options, TimeProvider.System);
            Console.WriteLine(issuer.Issue(pr.GetValue(subject)!, pr.GetValue(gemeente)!, roles, TimeSpan.FromHours(pr.GetValue(hours))));
            return 0;
        });
        return command;
    }
}
