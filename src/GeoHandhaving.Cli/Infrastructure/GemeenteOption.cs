using System.CommandLine;
using GeoHandhaving.Api.Gemeenten;
using GeoHandhaving.Cli.Demo;

namespace GeoHandhaving.Cli.Infrastructure;

/// <summary>The --gemeente option of every command: checked before anything runs, so a typo never reaches the database.</summary>
internal static class GemeenteOption
{
    /// <param name="defaultCode">null: the option is required.</param>
    public static Option<string> Create(string description = "Gemeente code (CBS), e.g. GM0363", string? defaultCode = DemoTown.GemeenteCode)
    {
        var option = new Option<string>("--gemeente") { Description = description, Required = defaultCode is null };
        if (defaultCode is not null) option.DefaultValueFactory = _ => defaultCode;
        option.Validators.Add(result =>
        {
            var code = result.GetValueOrDefault<string>();
            if (!Gemeente.IsValidCode(code))
            {
                result.AddError($"--gemeente: '{code}' is not a gemeente code: 1 to {Gemeente.MaxCodeLength} letters or digits, e.g. GM0363.");
            }
        });
        return option;
    }
}
