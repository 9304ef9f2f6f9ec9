using KimiPS.Core;

namespace KimiPS.Core.Tests.Throughput;

public sealed class BatchPosterTests
{
    private readonly PipelineDispatcher _dispatcher = new();
    private readonly List<string> _written = new();

    private BatchPoster<string> Poster(int maxUnwritten = 256) => new(_dispatcher, _written.Add, maxUnwritten);

    [Fact]
    public void Items_added_while_the_owner_is_busy_go_as_one_posted_action_in_order()
    {
        var poster = Poster();
        for (var i = 0; i < 10; i++) poster.Add("c" + i, CancellationToken.None);

        Assert.Equal(1, _dispatcher.Posted); // one batch, not ten actions
        Assert.Empty(_written);              // nothing runs on the adding thread
        Assert.Equal(10, poster.Unwritten);

        _dispatcher.Pump();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => "c" + i), _written);
        Assert.Equal(0, poster.Unwritten);
    }

    [Fact]
    public void An_owner_that_keeps_up_gets_each_item_at_once()
    {
        var poster = Poster();
        for (var i = 0; i < 5; i++)
        {
            poster.Add("c" + i, CancellationToken.None);
            _dispatcher.Pump();
            Assert.Equal("c" + i, _written[^1]); // written before the next item exists: no waiting for a batch to fill
        }
        Assert.Equal(5, _dispatcher.Posted);
    }

    [Fact]
    public void Something_posted_between_items_keeps_its_place()
    {
        var poster = Poster();
        poster.Add("a", CancellationToken.None);
        poster.Add("b", CancellationToken.None);
        _dispatcher.Post(() => _written.Add("warning"));
        poster.Add("c", CancellationToken.None);
        poster.Add("d", CancellationToken.None);

        _dispatcher.Pump();

        Assert.Equal(new[] { "a", "b", "warning", "c", "d" }, _written);
    }

    [Fact]
    public void An_item_added_after_the_owner_took_the_batch_is_written_after_it()
    {
        BatchPoster<string>? poster = null;
        var written = new List<string>();
        poster = new BatchPoster<string>(_dispatcher, item =>
        {
            written.Add(item);
            // The worker adds while the owner writes this batch: it must not join the batch being written.
            if (item == "a") poster!.Add("late", CancellationToken.None);
        }, 256);
        poster.Add("a", CancellationToken.None);
        poster.Add("b", CancellationToken.None);

        _dispatcher.Pump();
        Assert.Equal(new[] { "a", "b" }, written);
        _dispatcher.Pump();
        Assert.Equal(new[] { "a", "b", "late" }, written);
    }

    [Fact]
    public void A_producer_on_a_worker_stays_within_the_window_and_every_item_arrives_in_order()
    {
        var written = new List<int>();
        var numbers = new BatchPoster<int>(_dispatcher, written.Add, 8);
        var peak = 0;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a producer left waiting cannot hang the run
        _dispatcher.Run(ct =>
        {
            for (var i = 0; i < 5000; i++)
            {
                numbers.Add(i, ct);
                peak = Math.Max(peak, numbers.Unwritten);
            }
            return true;
        }, patience.Token, TimeSpan.FromSeconds(5));

        Assert.Equal(Enumerable.Range(0, 5000), written);
        Assert.InRange(peak, 1, 8);
        Assert.Equal(0, numbers.Unwritten);
    }

    [Fact]
    public void A_producer_waiting_for_room_sees_its_cancellation()
    {
        var poster = Poster(maxUnwritten: 2);
        poster.Add("a", CancellationToken.None);
        poster.Add("b", CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() => poster.Add("c", stop.Token)); // full: no owner writes, so only the token ends the wait
    }
}
