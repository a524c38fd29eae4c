using GeoHandhaving.Benchmarks;

// Each benchmark prints its figures; docs/benchmarks.md records them with date, machine and command.
return await BenchmarkRunner.RunAsync(args);
