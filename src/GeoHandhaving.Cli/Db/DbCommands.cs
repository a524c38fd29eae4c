using System.CommandLine;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Cli.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli.Db;

internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply the EF Core migrations to the database (idempotent).");
        migrate.SetAction(async (_, ct) =>
        {
            await using var services = CliHost.BuildServices();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await DataServices.MigrateAsync(db, ct);
            Console.WriteLine(pending.Count == 0 ? "database is up to date" : $"applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });
        var db = new Command("db", "Database schema.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
