using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoCart.Lambda.Contract;

/// <summary>Source-generated JSON for the contract records (camelCase), so the Native AOT build needs no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CartogramRequest))]
[JsonSerializable(typeof(ProgressUpdate))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class ContractJson : JsonSerializerContext;
