using Softswitch.Media.Rtp;

namespace Softswitch.Media.Tests.Rtp;

public sealed class PinnedReceiveBuffersTests
{
    [Test]
    public void A_returned_buffer_is_handed_out_again_for_the_same_size_and_never_for_another()
    {
        // A size no endpoint uses, so buffers other tests return cannot interfere.
        const int size = 1999;
        var first = PinnedReceiveBuffers.Rent(size);
        PinnedReceiveBuffers.Return(first);

        var other = PinnedReceiveBuffers.Rent(size + 1);
        var again = PinnedReceiveBuffers.Rent(size);

        Assert.That(again, Is.SameAs(first));
        Assert.That(other, Is.Not.SameAs(first).And.Length.EqualTo(size + 1));
    }
}
