using System;
using System.Collections.Generic;

namespace Libziggeo
{
    /// <summary>
    /// The webhook calls of one Client, reached as client.Webhooks. Each call
    /// blocks until the server responds or the client's timeout passes,
    /// returns the response body, and throws a ZiggeoException on failure.
    /// Thread-safe, like its client.
    /// </summary>
    public sealed class Webhooks
    {
        private readonly Client client;

        internal Webhooks(Client client)
        {
            this.client = client;
        }

        /// <summary>
        /// Registers a webhook and returns its id. encoding is "json",
        /// "jsonheader", "form" or null for the server's default; events is a
        /// comma-separated list of event types. A create is never sent twice;
        /// when the exception's OutcomeUnknown is true the webhook may exist,
        /// and Delete with the same target URL removes it.
        /// </summary>
        public string Create(string targetUrl, string encoding, string events)
        {
            byte[] url = Interop.Utf8("target_url", targetUrl);
            byte[] encodingBytes = Interop.Utf8("encoding", encoding);
            byte[] eventBytes = Interop.Utf8("events", events);
            IntPtr body = IntPtr.Zero;
            IntPtr error = IntPtr.Zero;
            ZiggeoStatus status = NativeMethods.ziggeo_webhooks_create(client.Handle, url, encodingBytes, eventBytes, ref body, ref error);
            return Finish(status, body, error);
        }

        /// <summary>Registers a webhook for a list of event types; see the string overload.</summary>
        public string Create(string targetUrl, string encoding, IEnumerable<string> events)
        {
            return Create(targetUrl, encoding, events == null ? null : string.Join(",", events));
        }

        /// <summary>
        /// Confirms a webhook with the validation code sent to its target URL,
        /// and returns the response body. The code is sent as given, leading zeros included.
        /// </summary>
        public string Confirm(string webhookId, string validationCode)
        {
            byte[] id = Interop.Utf8("webhook_id", webhookId);
            byte[] code = Interop.Utf8("validation_code", validationCode);
            IntPtr body = IntPtr.Zero;
            IntPtr error = IntPtr.Zero;
            ZiggeoStatus status = NativeMethods.ziggeo_webhooks_confirm(client.Handle, id, code, ref body, ref error);
            return Finish(status, body, error);
        }

        /// <summary>Confirms the webhook named in a parsed validation delivery, and returns the response body.</summary>
        public string ConfirmDelivery(Delivery delivery)
        {
            if (delivery == null)
            {
                throw new ArgumentNullException(nameof(delivery));
            }
            IntPtr body = IntPtr.Zero;
            IntPtr error = IntPtr.Zero;
            ZiggeoStatus status = NativeMethods.ziggeo_webhooks_confirm_delivery(client.Handle, delivery.Handle, ref body, ref error);
            return Finish(status, body, error);
        }

        /// <summary>Removes every webhook whose target URL is exactly targetUrl, and returns the response body.</summary>
        public string Delete(string targetUrl)
        {
            byte[] url = Interop.Utf8("target_url", targetUrl);
            IntPtr body = IntPtr.Zero;
            IntPtr error = IntPtr.Zero;
            ZiggeoStatus status = NativeMethods.ziggeo_webhooks_delete(client.Handle, url, ref body, ref error);
            return Finish(status, body, error);
        }

        private static string Finish(ZiggeoStatus status, IntPtr body, IntPtr error)
        {
            Interop.Check(status, error);
            return Interop.TakeOwned(body);
        }
    }
}
