using System.Management.Automation;
using KimiPS.Core;

namespace KimiPS;

/// <summary>Builds ErrorRecords from the core's error descriptions (id, parsed category, target, recommended action).</summary>
internal static class ErrorRecords
{
    public static ErrorRecord Create(Exception exception, ErrorDescription description, object? target)
    {
        // Category is the *name* of an ErrorCategory value (the core cannot reference SMA); an unknown name
        // must not hide the error itself, so it falls back to NotSpecified.
        var category = Enum.TryParse<ErrorCategory>(description.Category, false, out var parsed) ? parsed : ErrorCategory.NotSpecified;
        var record = new ErrorRecord(exception, description.ErrorId, category, target);
        if (description.RecommendedAction != null)
            record.ErrorDetails = new ErrorDetails(description.Message) { RecommendedAction = description.RecommendedAction };
        return record;
    }

    public static ErrorRecord Create(KimiException exception, object? target) =>
        Create(exception, ErrorMapping.Describe(exception)!, target);
}
