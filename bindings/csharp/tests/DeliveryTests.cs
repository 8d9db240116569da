using System.Collections.Generic;

namespace Libziggeo.Tests
{
    internal sealed class DeliveryTests : SandboxTest
    {
        public void HandshakeParsesInJson() => CheckHandshake("json");

        public void HandshakeParsesInJsonheader() => CheckHandshake("jsonheader");

        public void HandshakeParsesInForm() => CheckHandshake("form");

        public void EventParsesInJson() => CheckEvent("json");

        public void EventParsesInJsonheader() => CheckEvent("jsonheader");

        public void EventParsesInForm() => CheckEvent("form");

        public void ConfirmDeliveryConfirmsWebhook()
        {
            Delivery ping, validation;
            string id = CreateAndReceiveHandshake("form", out ping, out validation);

            string body = Client.Webhooks.ConfirmDelivery(validation);

            Assert.Equal("true", body);
            Assert.Equal(true, (bool)Sandbox.Webhook(id)["confirmed"], "confirmed");
        }

        public void ConfirmDeliveryRejectsPing()
        {
            Delivery ping, validation;
            CreateAndReceiveHandshake("json", out ping, out validation);

            var error = Assert.Throws<ZiggeoInvalidArgumentException>(() => Client.Webhooks.ConfirmDelivery(ping));

            Assert.Equal(ZiggeoStatus.InvalidArgument, error.Status, "Status");
        }

        public void InvalidJsonThrows()
        {
            var error = Assert.Throws<ZiggeoInvalidDeliveryException>(() => Delivery.Parse("{not json", "application/json; charset=UTF-8"));

            Assert.Equal(ZiggeoStatus.InvalidDelivery, error.Status, "Status");
            Assert.Contains("json", error.Message);
        }

        public void EmptyBodyThrows()
        {
            Assert.Throws<ZiggeoInvalidDeliveryException>(() => Delivery.Parse(new byte[0], null));
        }

        public void CodeKeepsLeadingZero()
        {
            using (Delivery delivery = Delivery.Parse("{\"ziggeo_validation\": true, \"validation_code\": \"012345\", \"webhook_id\": \"abc\"}", "application/json"))
            {
                Assert.Equal("012345", delivery.ValidationCode, "ValidationCode");
                Assert.Equal("abc", delivery.WebhookId, "WebhookId");
            }
        }

        public void DisposeTwiceKeepsFields()
        {
            Delivery delivery = Delivery.Parse("{\"event_type\": \"video_ready\", \"data\": {}}", "application/json");

            delivery.Dispose();
            delivery.Dispose();

            Assert.Equal("video_ready", delivery.EventType, "EventType");
            Assert.Throws<System.ObjectDisposedException>(() => Client.Webhooks.ConfirmDelivery(delivery));
        }

        private void CheckHandshake(string encoding)
        {
            Delivery ping, validation;
            string id = CreateAndReceiveHandshake(encoding, out ping, out validation);
            Dictionary<string, object> stored = Sandbox.Webhook(id);

            Assert.Equal(DeliveryKind.Ping, ping.Kind, "ping kind");
            Assert.Equal(DeliveryKind.Validation, validation.Kind, "validation kind");
            Assert.Equal(id, validation.WebhookId, "WebhookId");
            Assert.Equal(((double)stored["validation_code"]).ToString("0"), validation.ValidationCode, "ValidationCode");
            Assert.Equal(null, validation.EventType, "EventType");
        }

        private void CheckEvent(string encoding)
        {
            Delivery ping, validation;
            CreateAndReceiveHandshake(encoding, out ping, out validation);
            Client.Webhooks.ConfirmDelivery(validation);

            // The sandbox responds after the delivery, so serve it before reading the response.
            var firing = Sandbox.Send("POST", "/_sandbox/events",
                "{\"event_type\": \"video_ready\", \"data\": {\"video\": {\"token\": \"a b+c&d\", \"tags\": [\"x\", \"y\"]}}}");
            Delivery delivery = Parse(Receiver.Accept());
            var summary = (Dictionary<string, object>)Sandbox.Finish(firing);

            Assert.Equal(1.0, (double)summary["delivered"], "delivered");
            Assert.Equal(DeliveryKind.Event, delivery.Kind, "kind");
            Assert.Equal("video_ready", delivery.EventType, "EventType");
            var video = (Dictionary<string, object>)((Dictionary<string, object>)((Dictionary<string, object>)MiniJson.Parse(delivery.Json))["data"])["video"];
            Assert.Equal("a b+c&d", (string)video["token"], "data.video.token");
            Assert.Equal(2, ((List<object>)video["tags"]).Count, "data.video.tags count");
            Assert.Equal(null, delivery.WebhookId, "WebhookId");
        }
    }
}
