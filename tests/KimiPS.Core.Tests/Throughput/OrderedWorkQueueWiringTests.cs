using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

/// <summary>
/// The queue cannot be built without what makes the connection's limits work (the token estimator, the throttle
/// callback), and it shares its owner's one dispatcher instead of keeping a second one.
/// </summary>
public sealed class OrderedWorkQueueWiringTests
{
    private static readonly Func<int, CancellationToken, int> Echo = (i, _) => i;

    [Fact]
    public void A_queue_without_its_token_estimator_throttle_callback_or_dispatcher_is_refused()
    {
        var dispatcher = new PipelineDispatcher();
        Assert.Equal("estimateTokens", Assert.Throws<ArgumentNullException>(() =>
            new OrderedWorkQueue<int, int>(2, Echo, null, CancellationToken.None, null!, _ => { }, dispatcher)).ParamName);
        Assert.Equal("onThrottle", Assert.Throws<ArgumentNullException>(() =>
            new OrderedWorkQueue<int, int>(2, Echo, null, CancellationToken.None, _ => 0, null!, dispatcher)).ParamName);
        Assert.Equal("dispatcher", Assert.Throws<ArgumentNullException>(() =>
            new OrderedWorkQueue<int, int>(2, Echo, null, CancellationToken.None, _ => 0, _ => { }, null!)).ParamName);
    }

    [Fact]
    public void What_the_owner_and_the_workers_post_to_the_one_dispatcher_is_run_in_posting_order_by_the_queue()
    {
        var dispatcher = new PipelineDispatcher();
        var written = new List<string>();
        using var queue = new OrderedWorkQueue<int, int>(2, (i, _) =>
        {
            dispatcher.Post(() => written.Add("worker " + i));
            return i;
        }, null, CancellationToken.None, _ => 0, _ => { }, dispatcher);

        dispatcher.Post(() => written.Add("owner before"));
        queue.Add(1);
        var results = queue.Finish().Select(r => r.Value).ToList();

        Assert.Equal(new[] { 1 }, results);
        Assert.Equal(new[] { "owner before", "worker 1" }, written);
    }
}
