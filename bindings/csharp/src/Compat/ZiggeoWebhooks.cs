using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Libziggeo.Compat
{
    /// <summary>
    /// The official SDK's ZiggeoWebhooks calls: each takes a dictionary of
    /// form fields and returns the response body as a Stream. Unlike the
    /// official SDK, every failure throws a ZiggeoException instead of
    /// returning a pseudo-JSON error stream.
    /// </summary>
    public sealed class ZiggeoWebhooks
    {
        private readonly Webhooks webhooks;

        internal ZiggeoWebhooks(Webhooks webhooks)
        {
            this.webhooks = webhooks;
        }

        /// <summary>Takes "target_url", "encoding" (optional) and "events".</summary>
        public Stream create(Dictionary<string, string> data)
        {
            Check(data, "target_url", "encoding", "events");
            return ToStream(webhooks.Create(Field(data, "target_url"), Field(data, "encoding"), Field(data, "events")));
        }

        /// <summary>Takes "webhook_id" and "validation_code".</summary>
        public Stream confirm(Dictionary<string, string> data)
        {
            Check(data, "webhook_id", "validation_code");
            return ToStream(webhooks.Confirm(Field(data, "webhook_id"), Field(data, "validation_code")));
        }

        /// <summary>Takes "target_url".</summary>
        public Stream delete(Dictionary<string, string> data)
        {
            Check(data, "target_url");
            return ToStream(webhooks.Delete(Field(data, "target_url")));
        }

        private static void Check(Dictionary<string, string> data, params string[] allowed)
        {
            if (data == null)
            {
                throw new ZiggeoInvalidArgumentException(
                    "invalid data: it is null; pass a Dictionary<string, string> of form fields such as target_url");
            }
            string[] unknown = data.Keys.Where(key => !allowed.Contains(key)).ToArray();
            if (unknown.Length > 0)
            {
                throw new ZiggeoInvalidArgumentException(
                    "unknown field \"" + string.Join("\", \"", unknown) + "\"; this call takes " + string.Join(", ", allowed));
            }
        }

        private static string Field(Dictionary<string, string> data, string name)
        {
            string value;
            return data.TryGetValue(name, out value) ? value : null;
        }

        private static Stream ToStream(string body)
        {
            return new MemoryStream(Encoding.UTF8.GetBytes(body ?? ""), false);
        }
    }
}
