using System.Collections.Generic;
using System.Linq;

namespace Libziggeo.Tests
{
    internal sealed class WebhooksTests : SandboxTest
    {
        public void CreateReturnsWebhookId()
        {
            string id = Client.Webhooks.Create(Receiver.Url(), "form", new[] { "video_ready", "video_delete" });

            Assert.Matches("^[0-9a-f]{32}$", id);
            Dictionary<string, object> webhook = Sandbox.Webhook(id);
            Assert.True(webhook != null, "the sandbox stored the webhook");
            Assert.Equal(Receiver.Url(), (string)webhook["target_url"], "target_url");
            Assert.Equal("form", (string)webhook["encoding"], "encoding");
            Assert.Equal("video_ready,video_delete", string.Join(",", ((List<object>)webhook["events"]).Cast<string>()), "events");
        }

        public void ConfirmWithCodeFromValidation()
        {
            Delivery ping, validation;
            string id = CreateAndReceiveHandshake("json", out ping, out validation);

            string body = Client.Webhooks.Confirm(id, validation.ValidationCode);

            Assert.Equal("true", body);
            Assert.Equal(true, (bool)Sandbox.Webhook(id)["confirmed"], "confirmed");
        }

        public void DeleteRemovesEveryWebhookOfUrl()
        {
            string first = Client.Webhooks.Create(Receiver.Url(), null, "video_ready");
            string second = Client.Webhooks.Create(Receiver.Url(), null, "video_ready");

            string body = Client.Webhooks.Delete(Receiver.Url());

            Assert.Equal("null", body);
            Assert.True(Sandbox.Webhook(first) == null, "first webhook deleted");
            Assert.True(Sandbox.Webhook(second) == null, "second webhook deleted");
        }

        public void DeleteUnknownUrlThrowsNotFound()
        {
            var error = Assert.Throws<ZiggeoHttpException>(() => Client.Webhooks.Delete(Receiver.Url("/none")));

            Assert.Equal(404, error.HttpStatus, "HttpStatus");
            Assert.Contains("/none", error.Body);
        }

        public void InvalidEncodingIsNotSent()
        {
            int before = Sandbox.RequestCount();

            var error = Assert.Throws<ZiggeoInvalidArgumentException>(() => Client.Webhooks.Create(Receiver.Url(), "xml", "video_ready"));

            Assert.Equal(ZiggeoStatus.InvalidArgument, error.Status, "Status");
            Assert.Contains("encoding", error.Message);
            Assert.Equal(before, Sandbox.RequestCount(), "requests the sandbox received");
        }
    }
}
