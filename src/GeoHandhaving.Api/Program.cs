using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Jobs;
using GeoHandhaving.Api.Ogc;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Wijken;

var builder = WebApplication.CreateBuilder(args);
builder.AddGeoHandhavingPlatform();
builder.Services
    .AddGeoHandhavingData(builder.Configuration)
    .AddGeoHandhavingSecurity(builder.Configuration)
    .AddGeoHandhavingJobs(builder.Configuration)
    .AddGeoHandhavingWijken(builder.Configuration)
    .AddOgcApi();

var app = builder.Build();
app.UseGeoHandhavingPlatform();
app.MapHealthApi();
app.MapApiDocumentation();
app.MapJobsDashboard();
app.MapWijkenApi();
app.MapOgcApi();
app.Run();

public partial class Program;
