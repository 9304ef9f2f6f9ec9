using BenchmarkDotNet.Running;
using KimiPS.Benchmarks;

// --compare: the side-by-side report table (DESIGN.md §9), in well under a minute.
// Anything else goes to BenchmarkDotNet, e.g. -- --filter '*'.
if (Array.IndexOf(args, "--compare") >= 0) return CompareRunner.Run(args);
// --serve-sse N [--keep-alive]: a pre-built N-chunk stream for the PowerShell benchmark (PowerShell/Measure-KimiPS.ps1).
if (Array.IndexOf(args, "--serve-sse") >= 0) return SseServeMode.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(StreamDecodeBenchmarks).Assembly).Run(args);
return 0;
