using KimiPS.HelpGen;

// Usage: KimiPS.HelpGen --assembly <KimiPS.dll> --out <en-US/KimiPS.dll-Help.xml>
//          [--doc <KimiPS.xml>]... [--reference <path>]... [--references-file <file: one path per line>]
//          [--core-assembly netstandard] [--localized <folder of translated help, e.g. src/KimiPS/Help/zh-CN>]
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: KimiPS.HelpGen --assembly <dll> --out <help.xml> [--doc <xml>]... [--reference <dll>]... [--references-file <file>] [--core-assembly <name>]");
    return 2;
}

using var reader = new CmdletReader(options.References.Prepend(options.Assembly), options.CoreAssembly);
var cmdlets = reader.ReadCmdlets(reader.Load(options.Assembly));
var docs = new DocComments(options.Docs);

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
if (options.Localized is { } folder)
{
    // A translation (zh-CN/): its text from the folder, example code and default values from the English.
    var localized = LocalizedHelp.Load(folder, cmdlets, docs);
    MamlWriter.Write(cmdlets, localized.Docs, docs, localized.Strings).Save(options.Output);
    foreach (var gap in localized.Missing)
    {
        Console.WriteLine($"KimiPS.HelpGen: note: no translation in {folder} for {gap} (English used).");
    }

    Console.WriteLine($"KimiPS.HelpGen: {cmdlets.Count} cmdlet(s) -> {options.Output}");
    return 0;
}

MamlWriter.Write(cmdlets, docs).Save(options.Output);

// Not a warning token on purpose: the build treats warnings as errors, and the contract tests
// (tests/KimiPS.Tests) are where missing help fails.
foreach (var cmdlet in cmdlets.Where(c => docs.Paragraphs(DocComments.TypeId(c.Type), "summary").Count == 0))
{
    Console.WriteLine($"KimiPS.HelpGen: note: {cmdlet.Name} has no <summary> doc comment (synopsis).");
}

Console.WriteLine($"KimiPS.HelpGen: {cmdlets.Count} cmdlet(s) -> {options.Output}");
return 0;

internal sealed record Options(string Assembly, string Output, List<string> Docs, List<string> References, string? CoreAssembly, string? Localized)
{
    public static Options? Parse(string[] args)
    {
        string? assembly = null, output = null, core = null, localized = null;
        var docs = new List<string>();
        var references = new List<string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--assembly": assembly = value; break;
                case "--out": output = value; break;
                case "--doc": docs.Add(value); break;
                case "--reference": references.Add(value); break;
                case "--references-file": references.AddRange(File.ReadAllLines(value).Select(l => l.Trim()).Where(l => l.Length > 0)); break;
                case "--core-assembly": core = value; break;
                case "--localized": localized = value; break;
                default: return null;
            }
        }

        return assembly is null || output is null || args.Length % 2 != 0 ? null : new Options(assembly, output, docs, references, core, localized);
    }
}
