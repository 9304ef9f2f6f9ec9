using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

/// <summary>
/// PostedItems: a stream's chunks reach the owner's thread in batches (one posted action per batch, not per
/// chunk), in the order they were posted among the worker's other posts, and never more than the capacity ahead.
/// </summary>
public sealed class PostedItemsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Items_posted_while_the_owner_is_busy_are_written_by_one_action()
    {
        var dispatcher = new PipelineDispatcher();
        var written = new List<int>();
        var items = new PostedItems<int>(dispatcher, written.Add, capacity: 1000);

        for (var i = 0; i < 100; i++) items.Post(i, CancellationToken.None);

        Assert.Equal(1, dispatcher.QueuedCount);
        dispatcher.Pump();
        Assert.Equal(Enumerable.Range(0, 100), written);
    }

    [Fact]
    public void Another_post_between_items_keeps_its_place()
    {
        var dispatcher = new PipelineDispatcher();
        var written = new List<string>();
        var items = new PostedItems<string>(dispatcher, written.Add, capacity: 1000);

        items.Post("a", CancellationToken.None);
        items.Post("b", CancellationToken.None);
        dispatcher.Post(() => written.Add("warning"));
        items.Post("c", CancellationToken.None);
        dispatcher.Pump();

        Assert.Equal(new[] { "a", "b", "warning", "c" }, written);
    }

    [Fact]
    public void An_item_posted_after_the_owner_took_the_batch_starts_a_new_one()
    {
        var dispatcher = new PipelineDispatcher();
        var written = new List<int>();
        var items = new PostedItems<int>(dispatcher, written.Add, capacity: 1000);

        items.Post(1, CancellationToken.None);
        dispatcher.Pump();
        items.Post(2, CancellationToken.None);
        dispatcher.Pump();

        Assert.Equal(new[] { 1, 2 }, written);
    }

    [Fact]
    public async Task The_worker_waits_when_capacity_items_are_unwritten_and_goes_on_once_they_are()
    {
        var dispatcher = new PipelineDispatcher();
        var written = new List<int>();
        var items = new PostedItems<int>(dispatcher, written.Add, capacity: 4);
        for (var i = 0; i < 4; i++) items.Post(i, CancellationToken.None);

        var fifth = Task.Run(() => items.Post(4, CancellationToken.None));
        Assert.NotSame(fifth, await Task.WhenAny(fifth, Task.Delay(200)));   // a fifth unwritten item waits for room

        dispatcher.Pump();
        Assert.Same(fifth, await Task.WhenAny(fifth, Task.Delay(Patience)));  // writing the batch makes room
        dispatcher.Pump();
        Assert.Equal(Enumerable.Range(0, 5), written);
    }

    [Fact]
    public void A_worker_waiting_for_room_is_released_by_its_token()
    {
        var dispatcher = new PipelineDispatcher();
        var items = new PostedItems<int>(dispatcher, _ => { }, capacity: 1);
        items.Post(0, CancellationToken.None);
        using var cancel = new CancellationTokenSource(100);

        Assert.Throws<OperationCanceledException>(() => items.Post(1, cancel.Token));
    }

    [Fact]
    public void Through_Run_every_item_is_written_in_order_on_the_owners_thread()
    {
        var dispatcher = new PipelineDispatcher();
        var owner = Environment.CurrentManagedThreadId;
        var written = new List<int>();
        var items = new PostedItems<int>(dispatcher, i =>
        {
            Assert.Equal(owner, Environment.CurrentManagedThreadId);
            written.Add(i);
        }, capacity: 16);

        dispatcher.Run<bool>(ct =>
        {
            for (var i = 0; i < 10_000; i++) items.Post(i, ct);
            return true;
        }, CancellationToken.None, Patience);

        Assert.Equal(Enumerable.Range(0, 10_000), written);
    }
}
