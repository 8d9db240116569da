using System;
using System.Text;

namespace Libziggeo.Tests
{
    /// <summary>Shared setup of each test: a clean sandbox, a receiver and clients for the sandbox.</summary>
    internal abstract class SandboxTest : IDisposable
    {
        protected readonly Sandbox Sandbox = Program.Sandbox;
        protected readonly Receiver Receiver = new Receiver();
        private Client client;

        protected SandboxTest()
        {
            Sandbox.Reset();
        }

        /// <summary>The test's shared client for the sandbox.</summary>
        protected Client Client => client ?? (client = NewClient());

        public void Dispose()
        {
            client?.Dispose();
            Receiver.Dispose();
        }

        /// <summary>Returns options for the sandbox; proxy variables are ignored so that no call leaves this machine.</summary>
        protected ClientOptions SandboxOptions()
        {
            return new ClientOptions { BaseUrl = Sandbox.BaseUrl, ProxyFromEnvironment = false };
        }

        protected Client NewClient(ClientOptions options = null, string privateKey = Sandbox.PrivateKey)
        {
            return new Client(Sandbox.AppToken, privateKey, options ?? SandboxOptions());
        }

        /// <summary>Creates a webhook on the receiver and returns its id with the parsed ping and validation.</summary>
        protected string CreateAndReceiveHandshake(string encoding, out Delivery ping, out Delivery validation)
        {
            string id = Client.Webhooks.Create(Receiver.Url(), encoding, "video_ready");
            ping = Parse(Receiver.Accept());
            validation = Parse(Receiver.Accept());
            return id;
        }

        protected static Delivery Parse(ReceivedRequest request)
        {
            return Delivery.Parse(request.Body, request.ContentType);
        }
    }
}
