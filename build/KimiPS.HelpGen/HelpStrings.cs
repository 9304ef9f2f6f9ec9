namespace KimiPS.HelpGen;

/// <summary>The generator's own words in the help: example titles, what validation enforces, the common switches.</summary>
internal sealed record HelpStrings(string ExampleTitle, string Range, string AtLeast, string Values, string Count, string WhatIf, string Confirm)
{
    public static readonly HelpStrings English = new(
        "-------------------------- Example {0} --------------------------",
        "Accepted range: {0} to {1}.",
        "At least {0}.",
        "Accepted values: {0}.",
        "From {0} to {1} values.",
        "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
        "Prompts you for confirmation before running the cmdlet.");
}
