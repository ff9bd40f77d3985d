using System.Text.Json.Serialization;

namespace GoCart.Lambda.Cli;

/// <summary>Source-generated JSON for benchmark results (works under Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(BenchResult))]
[JsonSerializable(typeof(List<BenchResult>))]
internal sealed partial class BenchJson : JsonSerializerContext;
