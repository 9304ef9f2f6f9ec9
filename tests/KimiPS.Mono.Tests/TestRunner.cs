using System.Diagnostics;
using System.Reflection;

namespace KimiPS.Mono.Tests;

/// <summary>A test: a public static method of a class in this assembly, marked [MonoTest], that throws on failure.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MonoTestAttribute : Attribute
{
}

/// <summary>
/// A minimal runner: no test framework runs on Debian's mono-runtime without extra packages, and these
/// tests need none. Prints one line per test and a closing count; the exit code is the number failed.
/// </summary>
internal static class TestRunner
{
    public static string RepoRoot { get; private set; } = "";

    public static Emulator Emulator { get; private set; } = null!;

    public static int RunAll(string repoRoot, string moduleDirectory)
    {
        RepoRoot = repoRoot;
        Console.WriteLine($"Runtime: {RuntimeText()}; module: {moduleDirectory}");
        var tests = typeof(TestRunner).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<MonoTestAttribute>() is not null)
            .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        int passed = 0, failed = 0;
        using (Emulator = Emulator.Start(repoRoot))
        {
            foreach (var test in tests)
            {
                var name = $"{test.DeclaringType!.Name}.{test.Name}";
                Emulator.Reset();
                var clock = Stopwatch.StartNew();
                try
                {
                    test.Invoke(null, null);
                    passed++;
                    Console.WriteLine($"  [+] {name} ({clock.ElapsedMilliseconds} ms)");
                }
                catch (TargetInvocationException e)
                {
                    failed++;
                    Console.WriteLine($"  [-] {name} ({clock.ElapsedMilliseconds} ms): {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
                    Console.WriteLine("      " + e.InnerException?.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
                }
            }
        }
        Console.WriteLine($"mono: {passed} passed, {failed} failed");
        return failed;
    }

    private static string RuntimeText() =>
        Type.GetType("Mono.Runtime")?.GetMethod("GetDisplayName", BindingFlags.NonPublic | BindingFlags.Static)?.Invoke(null, null) is string mono
            ? "Mono " + mono
            : System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}

/// <summary>Assertions that say what was expected.</summary>
internal static class Check
{
    public static void True(bool condition, string what)
    {
        if (!condition) throw new Exception("Expected: " + what);
    }

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) throw new Exception($"{what}: expected <{expected}>, got <{actual}>");
    }

    public static TException Throws<TException>(Action action, string what) where TException : Exception
    {
        try
        {
            action();
        }
        catch (TException e)
        {
            return e;
        }
        catch (Exception e)
        {
            throw new Exception($"{what}: expected {typeof(TException).Name}, got {e.GetType().Name}: {e.Message}", e);
        }
        throw new Exception($"{what}: expected {typeof(TException).Name}, nothing was thrown");
    }

    /// <summary>Polls until the condition holds; false after the deadline.</summary>
    public static bool Eventually(Func<bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (condition()) return true;
            Thread.Sleep(20);
        }
        return condition();
    }
}
