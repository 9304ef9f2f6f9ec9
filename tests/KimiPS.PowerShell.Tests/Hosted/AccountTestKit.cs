using System.Management.Automation;
using KimiPS.Emulator;
using KimiPS.PowerShell.Tests.Infrastructure;

namespace KimiPS.PowerShell.Tests.Hosted;

/// <summary>Snippets and checks shared by the connection and account cmdlet tests.</summary>
internal static class AccountTestKit
{
    /// <summary>The emulator's key as a SecureString expression, the way a script builds one.</summary>
    public const string Key = "(ConvertTo-SecureString '" + KimiEmulator.ApiKey + "' -AsPlainText -Force)";

    public const string WrongKey = "(ConvertTo-SecureString 'sk-wrong-key-000000000000000' -AsPlainText -Force)";

    /// <summary>What a key hint may show of the emulator's key; everything longer is a leak.</summary>
    public const string KeyTail = "cdef";

    /// <summary>The error a script's catch sees: its id, category, target and recommended action, all present.</summary>
    public static ErrorRecord AssertError(HostedRun run, string errorId, ErrorCategory category)
    {
        var error = run.FirstError;
        Assert.NotNull(error);
        Assert.StartsWith(errorId + ",", error!.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction), $"{errorId} has no RecommendedAction.");
        Assert.DoesNotContain(KimiEmulator.ApiKey, error.ToString());
        Assert.DoesNotContain(KimiEmulator.ApiKey, error.ErrorDetails!.RecommendedAction);
        return error;
    }

    /// <summary>
    /// Runs <paramref name="script"/> inside try/catch: only a terminating error is caught (a non-terminating one
    /// would reach the error stream instead), and nothing the script would write after it runs.
    /// </summary>
    public static ErrorRecord AssertTerminating(HostedKimi hosted, string script, string errorId, ErrorCategory category)
    {
        var run = hosted.Run("try {\n" + script + "\n} catch { $_ }");
        Assert.Empty(run.Errors);
        var caught = Assert.IsType<ErrorRecord>(Assert.Single(run.Output).BaseObject);
        return AssertError(run with { Errors = [caught] }, errorId, category);
    }

    /// <summary>
    /// The module's types are loaded from the staged out/KimiPS by the runspace, not referenced here: an object is
    /// checked by its type's full name and read through dynamic.
    /// </summary>
    public static dynamic Of(string typeName, object? value)
    {
        Assert.NotNull(value);
        Assert.Equal(typeName, value!.GetType().FullName);
        return value;
    }

    /// <summary>No part of the key beyond its last four characters.</summary>
    public static void AssertNoKey(string text)
    {
        Assert.DoesNotContain(KimiEmulator.ApiKey, text);
        Assert.DoesNotContain(KimiEmulator.ApiKey.Substring(0, 12), text);
        Assert.DoesNotContain("0123456789", text);
    }
}
