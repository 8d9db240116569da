using System;

namespace Libziggeo
{
    /// <summary>
    /// A client of the Ziggeo server API for one application.
    /// <code>
    /// using (var client = new Client(appToken, privateKey))
    /// {
    ///     string webhookId = client.Webhooks.Create(targetUrl, "json", "video_ready");
    /// }
    /// </code>
    /// Ownership: the client owns a native handle that Dispose frees; Dispose
    /// may be called any number of times, and a client never disposed is
    /// freed by its SafeHandle's finaliser. Calls after Dispose throw
    /// ObjectDisposedException. The private key is not kept in any field.
    ///
    /// Thread safety: one client may be shared by many threads. Dispose
    /// while a call is in flight frees the native client when the call returns.
    /// </summary>
    public sealed class Client : IDisposable
    {
        private readonly ClientHandle handle;

        // Set by Dispose. The handle's own IsClosed stays false until calls in flight return.
        private volatile bool disposed;

        /// <summary>
        /// Creates a client; nothing is sent until a call. Throws
        /// ZiggeoInvalidArgumentException for an empty token or key or an
        /// invalid option.
        /// </summary>
        public Client(string appToken, string privateKey, ClientOptions options = null)
        {
            byte[] token = Interop.Utf8("app_token", appToken);
            byte[] key = Interop.Utf8("private_key", privateKey);
            try
            {
                using (OptionsHandle nativeOptions = (options ?? new ClientOptions()).ToNative())
                {
                    IntPtr error = IntPtr.Zero;
                    ZiggeoStatus status = NativeMethods.ziggeo_client_new(token, key, nativeOptions, out handle, ref error);
                    if (status != ZiggeoStatus.Ok)
                    {
                        handle.Dispose();
                    }
                    Interop.Check(status, error);
                }
            }
            finally
            {
                if (key != null)
                {
                    Array.Clear(key, 0, key.Length);
                }
            }
            Webhooks = new Webhooks(this);
        }

        /// <summary>The webhook calls of this client.</summary>
        public Webhooks Webhooks { get; }

        /// <summary>Whether Dispose has been called.</summary>
        public bool IsDisposed => disposed;

        /// <summary>Frees the native client; later calls throw ObjectDisposedException.</summary>
        public void Dispose()
        {
            disposed = true;
            handle.Dispose();
        }

        public override string ToString()
        {
            return "Libziggeo.Client(" + (IsDisposed ? "disposed" : "open") + ")";
        }

        /// <summary>Returns the live native handle, for Webhooks.</summary>
        internal ClientHandle Handle
        {
            get
            {
                if (disposed)
                {
                    throw new ObjectDisposedException(nameof(Client), "the client is disposed; create a new Libziggeo.Client");
                }
                return handle;
            }
        }
    }
}
