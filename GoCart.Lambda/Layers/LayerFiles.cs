using GoCart.Lambda.Contract;
using GoCart.Lambda.Geo;

namespace GoCart.Lambda.Layers;

/// <summary>The CLI's `--layer FILE` options (repeatable) read into request layers.</summary>
public static class LayerFiles
{
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
