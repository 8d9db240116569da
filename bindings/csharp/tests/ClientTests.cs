using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Libziggeo.Tests
{
    internal sealed class ClientTests : SandboxTest
    {
        public void DisposeTwiceIsHarmless()
        {
            Client client = NewClient();

            client.Dispose();
            client.Dispose();

            Assert.True(client.IsDisposed, "IsDisposed");
        }

        public void CallAfterDisposeThrows()
        {
            Client client = NewClient();
            client.Dispose();

            var error = Assert.Throws<ObjectDisposedException>(() => client.Webhooks.Delete(Receiver.Url()));

            Assert.Contains("disposed", error.Message);
        }

        public void DisposeDuringCallWaitsForIt()
        {
            Sandbox.Fault("{\"path\": \"/v1/api/removehook\", \"action\": \"delay\", \"delay_ms\": 500}");
            Client client = NewClient();

            Task<Exception> call = Task.Run(() => (Exception)Assert.Throws<ZiggeoHttpException>(() => client.Webhooks.Delete(Receiver.Url())));
            while (Sandbox.RequestCount() == 0 && !call.IsCompleted)
            {
                Thread.Sleep(20);
            }
            client.Dispose();

            Assert.True(client.IsDisposed, "IsDisposed");
            Assert.Equal(404, ((ZiggeoHttpException)call.Result).HttpStatus, "HttpStatus of the call in flight");
        }

        public void SharedBetweenThreads()
        {
            string[] urls = Enumerable.Range(1, 4).Select(n => Receiver.Url("/thread-" + n)).ToArray();

            Task<ZiggeoHttpException>[] calls = urls
                .Select(url => Task.Run(() => Assert.Throws<ZiggeoHttpException>(() => Client.Webhooks.Delete(url))))
                .ToArray();

            for (int i = 0; i < urls.Length; i++)
            {
                Assert.Contains(urls[i], calls[i].Result.Body);
            }
        }

        public void ToStringHidesPrivateKey()
        {
            Assert.DoesNotContain(Sandbox.PrivateKey, Client.ToString());
        }

        public void LibraryLoads()
        {
            Assert.Matches(@"^\d+\.\d+\.\d+", ZiggeoLibrary.Version);
        }
    }
}
