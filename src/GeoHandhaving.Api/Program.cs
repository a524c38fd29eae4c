using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Jobs;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services
    .AddData(builder.Configuration)
    .AddSecurity(builder.Configuration)
    .AddJobs(builder.Configuration)
    .AddCapabilities(builder.Configuration);

var app = builder.Build();
app.UsePlatform();
app.MapHealthApi();
app.MapApiDocumentation();
app.MapJobsDashboard();
app.MapCapabilities();
app.Run();

public partial class Program;
