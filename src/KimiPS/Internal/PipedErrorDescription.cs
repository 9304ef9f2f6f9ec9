using System.Collections.Specialized;
using System.Management.Automation;

namespace KimiPS;

/// <summary>
/// An error as the model needs it to explain it (`$Error[0] | Invoke-KimiChat 'Why did this fail?'`): the
/// message, FullyQualifiedErrorId, category, target, the failing command line and position, the script stack
/// trace and the inner exceptions. An ErrorRecord's own properties would give the model a wall of type names instead.
/// </summary>
internal static class PipedErrorDescription
{
    private const int MaxInner = 5;
    private const int MaxTextChars = 4000;

    public static OrderedDictionary Of(ErrorRecord record)
    {
        var d = new OrderedDictionary
        {
            ["type"] = "ErrorRecord",
            ["message"] = Bounded(record.ErrorDetails?.Message ?? record.Exception?.Message),
            ["fullyQualifiedErrorId"] = record.FullyQualifiedErrorId,
            ["category"] = record.CategoryInfo?.Category.ToString(),
            ["categoryInfo"] = Bounded(record.CategoryInfo?.ToString()),
            ["targetObject"] = Bounded(TextOf(record.TargetObject)),
            ["exception"] = record.Exception?.GetType().FullName,
        };
        if (record.ErrorDetails?.RecommendedAction is { Length: > 0 } action) d["recommendedAction"] = Bounded(action);
        var invocation = record.InvocationInfo;
        if (invocation != null)
        {
            d["command"] = invocation.MyCommand?.Name;
            d["line"] = Bounded(invocation.Line?.Trim());
            d["positionMessage"] = Bounded(invocation.PositionMessage);
        }
        d["scriptStackTrace"] = Bounded(record.ScriptStackTrace);
        var inner = InnerExceptions(record.Exception);
        if (inner.Count > 0) d["innerExceptions"] = inner;
        return d;
    }

    public static OrderedDictionary Of(Exception exception)
    {
        var d = new OrderedDictionary
        {
            ["type"] = exception.GetType().FullName,
            ["message"] = Bounded(exception.Message),
        };
        if (exception is IContainsErrorRecord { ErrorRecord: { } record })
        {
            d["fullyQualifiedErrorId"] = record.FullyQualifiedErrorId;
            d["category"] = record.CategoryInfo?.Category.ToString();
            d["targetObject"] = Bounded(TextOf(record.TargetObject));
            if (record.InvocationInfo != null)
            {
                d["line"] = Bounded(record.InvocationInfo.Line?.Trim());
                d["positionMessage"] = Bounded(record.InvocationInfo.PositionMessage);
            }
        }
        if (exception is RuntimeException { ErrorRecord.ScriptStackTrace: { Length: > 0 } scriptTrace }) d["scriptStackTrace"] = Bounded(scriptTrace);
        d["stackTrace"] = Bounded(exception.StackTrace);
        var inner = InnerExceptions(exception);
        if (inner.Count > 0) d["innerExceptions"] = inner;
        return d;
    }

    /// <summary>The chain below <paramref name="exception"/> (an AggregateException's list, flattened), outermost first.</summary>
    private static List<OrderedDictionary> InnerExceptions(Exception? exception)
    {
        var list = new List<OrderedDictionary>();
        var queue = new Queue<Exception>();
        Enqueue(queue, exception);
        while (queue.Count > 0 && list.Count < MaxInner)
        {
            var e = queue.Dequeue();
            list.Add(new OrderedDictionary { ["type"] = e.GetType().FullName, ["message"] = Bounded(e.Message) });
            Enqueue(queue, e);
        }
        return list;
    }

    private static void Enqueue(Queue<Exception> queue, Exception? e)
    {
        if (e is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions) queue.Enqueue(inner);
        }
        else if (e?.InnerException != null)
        {
            queue.Enqueue(e.InnerException);
        }
    }

    /// <summary>The target as text: an object here could be anything (a secret's ToString() is its type name only).</summary>
    private static string? TextOf(object? target)
    {
        if (target is null) return null;
        try
        {
            return target.ToString();
        }
        catch (Exception)
        {
            return target.GetType().FullName;
        }
    }

    private static string? Bounded(string? text) =>
        text is null || text.Length <= MaxTextChars ? text : text.Substring(0, MaxTextChars) + "…";
}
