using System;

namespace Libziggeo.Compat
{
    /// <summary>
    /// The official SDK's Ziggeo class for webhooks, so that switching needs
    /// one line changed:
    /// <code>
    /// var ziggeo = new Ziggeo(token, privateKey, encryptionKey);                   // official
    /// var ziggeo = new Libziggeo.Compat.Ziggeo(token, privateKey, encryptionKey);  // this library
    /// Stream body = ziggeo.webhooks().create(new Dictionary&lt;string, string&gt; { ["target_url"] = url, ["events"] = "video_ready" });
    /// </code>
    /// options takes the Libziggeo.Client options, such as BaseUrl.
    /// Ownership and thread safety are those of the Client it wraps.
    /// </summary>
    public sealed class Ziggeo : IDisposable
    {
        /// <summary>
        /// Creates the client. encryptionKey is accepted for the official
        /// signature and unused, because no webhook call needs it.
        /// </summary>
        public Ziggeo(string token, string privateKey, string encryptionKey = null, ClientOptions options = null)
        {
            this.token = token;
            Client = new Client(token, privateKey, options);
        }

        // Lower-case field as in the official SDK; the private key is not kept.
#pragma warning disable IDE1006
        public readonly string token;
#pragma warning restore IDE1006

        /// <summary>The Libziggeo.Client underneath, for its own calls.</summary>
        public Client Client { get; }

        /// <summary>Returns the webhook calls in the official SDK's shapes.</summary>
        public ZiggeoWebhooks webhooks()
        {
            return new ZiggeoWebhooks(Client.Webhooks);
        }

        /// <summary>Frees the native client; safe to call more than once.</summary>
        public void Dispose()
        {
            Client.Dispose();
        }

        public override string ToString()
        {
            return "Libziggeo.Compat.Ziggeo(" + token + ", " + (Client.IsDisposed ? "disposed" : "open") + ")";
        }
    }
}
