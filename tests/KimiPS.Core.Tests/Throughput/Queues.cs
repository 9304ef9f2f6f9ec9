using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

/// <summary>
/// Tests build queues here: the product must pass the token estimator, the throttle callback and its dispatcher
/// (they are required), while a test that is not about them gets "costs nothing", "ignore" and a dispatcher of its own.
/// </summary>
internal static class Queues
{
    public static OrderedWorkQueue<TIn, TOut> New<TIn, TOut>(int throttleLimit, Func<TIn, CancellationToken, TOut> work, KimiRateLimits? limits,
        CancellationToken ct, Func<TIn, int>? estimateTokens = null, Action<string>? onThrottle = null, PipelineDispatcher? dispatcher = null) =>
        new(throttleLimit, work, limits, ct, estimateTokens ?? (_ => 0), onThrottle ?? (_ => { }), dispatcher ?? new PipelineDispatcher());
}
