using System;
using System.Text;

namespace Libziggeo
{
    /// <summary>
    /// A parsed request that Ziggeo POSTed to a webhook's target URL: the
    /// reachability ping, the validation call, or an event. Every field is
    /// copied into .NET strings when the delivery is parsed. The delivery also
    /// owns a native handle, for Webhooks.ConfirmDelivery, that Dispose (or
    /// the finaliser) frees. Immutable and thread-safe.
    /// </summary>
    public sealed class Delivery : IDisposable
    {
        private readonly DeliveryHandle handle;

        // Set by Dispose. The handle's own IsClosed stays false until calls in flight return.
        private volatile bool disposed;

        private Delivery(DeliveryHandle handle)
        {
            this.handle = handle;
            Kind = NativeMethods.ziggeo_delivery_kind(handle);
            EventType = Interop.Borrowed(NativeMethods.ziggeo_delivery_event_type(handle));
            WebhookId = Interop.Borrowed(NativeMethods.ziggeo_delivery_webhook_id(handle));
            ValidationCode = Interop.Borrowed(NativeMethods.ziggeo_delivery_validation_code(handle));
            IntPtr json = IntPtr.Zero;
            IntPtr error = IntPtr.Zero;
            Interop.Check(NativeMethods.ziggeo_delivery_json(handle, ref json, ref error), error);
            Json = Interop.TakeOwned(json);
        }

        /// <summary>Ping, Validation or Event.</summary>
        public DeliveryKind Kind { get; }

        /// <summary>Event type of an event, such as "video_ready"; null otherwise.</summary>
        public string EventType { get; }

        /// <summary>Webhook id of a validation call; null otherwise.</summary>
        public string WebhookId { get; }

        /// <summary>Validation code of a validation call, as the digits sent; null otherwise.</summary>
        public string ValidationCode { get; }

        /// <summary>The whole delivery normalised to one JSON document.</summary>
        public string Json { get; }

        /// <summary>
        /// Parses a request body and its Content-Type header (null when
        /// absent). Throws ZiggeoInvalidDeliveryException for a body that is
        /// not a delivery.
        /// </summary>
        public static Delivery Parse(byte[] body, string contentType)
        {
            if (body == null)
            {
                throw new ArgumentNullException(nameof(body));
            }
            byte[] type = Interop.Utf8("content_type", contentType);
            IntPtr error = IntPtr.Zero;
            DeliveryHandle handle;
            ZiggeoStatus status = NativeMethods.ziggeo_delivery_parse(type, body, (UIntPtr)body.Length, out handle, ref error);
            if (status != ZiggeoStatus.Ok)
            {
                handle.Dispose();
            }
            Interop.Check(status, error);
            try
            {
                return new Delivery(handle);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        /// <summary>Parses a request body given as text, encoded as UTF-8; see the byte[] overload.</summary>
        public static Delivery Parse(string body, string contentType)
        {
            if (body == null)
            {
                throw new ArgumentNullException(nameof(body));
            }
            return Parse(Encoding.UTF8.GetBytes(body), contentType);
        }

        /// <summary>Frees the native delivery; the copied fields stay readable.</summary>
        public void Dispose()
        {
            disposed = true;
            handle.Dispose();
        }

        public override string ToString()
        {
            return "Libziggeo.Delivery(" + Kind + (EventType == null ? "" : " " + EventType) + ")";
        }

        /// <summary>Returns the live native handle, for Webhooks.ConfirmDelivery.</summary>
        internal DeliveryHandle Handle
        {
            get
            {
                if (disposed)
                {
                    throw new ObjectDisposedException(nameof(Delivery));
                }
                return handle;
            }
        }
    }
}
