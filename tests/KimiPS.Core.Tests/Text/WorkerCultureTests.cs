using System.Globalization;

namespace KimiPS.Core.Tests.Text;

/// <summary>
/// Client calls run off the pipeline thread; their messages must still be in the pipeline thread's language,
/// and a pool thread must not keep the culture afterwards.
/// </summary>
public sealed class WorkerCultureTests
{
    private static T WithUiCulture<T>(string name, Func<T> body)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(name);
            return body();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void The_dispatchers_work_builds_its_messages_in_the_owners_language()
    {
        var dispatcher = new PipelineDispatcher();
        var (culture, message) = WithUiCulture("zh-CN", () =>
            dispatcher.Run(_ => (CultureInfo.CurrentUICulture.Name, KimiPS.Core.Errors.NotConnected().Message), CancellationToken.None, TimeSpan.Zero));
        Assert.Equal("zh-CN", culture);
        Assert.Equal(Msg.NotConnected.Zh, message);

        var english = WithUiCulture("en-US", () =>
            dispatcher.Run(_ => KimiPS.Core.Errors.NotConnected().Message, CancellationToken.None, TimeSpan.Zero));
        Assert.Equal(Msg.NotConnected.En, english);
    }

    [Fact]
    public void A_work_queues_items_build_their_messages_in_the_owners_language()
    {
        var results = WithUiCulture("zh-CN", () =>
        {
            using var queue = new OrderedWorkQueue<int, string>(2, (i, _) => Msg.PIsEmpty.Value + CultureInfo.CurrentUICulture.Name, null,
                CancellationToken.None, _ => 0, _ => { }, new PipelineDispatcher());
            foreach (var i in Enumerable.Range(0, 4)) queue.Add(i);
            return queue.TakeReady().Concat(queue.Finish()).Select(r => r.Value).ToList();
        });
        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.Equal(Msg.PIsEmpty.Zh + "zh-CN", r));
    }
}
