using GoCart.Lambda.Cli;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Geo;

namespace GoCart.Lambda.Layers;

/// <summary>The CLI's `--layer FILE` options (repeatable): taken out of the arguments and read into request layers.</summary>
public static class LayerFiles
{
    public static (List<string> Files, List<string> Others) SplitArguments(IReadOnlyList<string> args)
    {
        var files = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--layer")
            {
                files.Add(i + 1 < args.Count ? args[++i] : throw new UsageException("--layer needs a file (a CSV of places or a GeoJSON of points or lines)."));
            }
            else if (args[i].StartsWith("--layer=", StringComparison.Ordinal))
            {
                files.Add(args[i]["--layer=".Length..]);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (files, rest);
    }

    /// <summary>Each file read as a layer named after the file; a file that cannot be read is a <see cref="MapInputException"/>.</summary>
    public static List<LayerInput>? Read(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return null;
        }

        if (files.Count > LayerLimits.MaxLayers)
        {
            throw new MapInputException($"At most {LayerLimits.MaxLayers} layers are accepted; {files.Count} were given.");
        }

        return [.. files.Select(file =>
        {
            var name = Path.GetFileName(file);
            var text = File.Exists(file) ? File.ReadAllText(file) : throw new MapInputException($"The layer file \"{file}\" does not exist.");
            return LayerInputs.FromText(name, text);
        })];
    }
}
