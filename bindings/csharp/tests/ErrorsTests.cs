using System;

namespace Libziggeo.Tests
{
    internal sealed class ErrorsTests : SandboxTest
    {
        public void WrongValidationCodeThrows400()
        {
            Delivery ping, validation;
            string id = CreateAndReceiveHandshake("json", out ping, out validation);

            var error = Assert.Throws<ZiggeoHttpException>(() => Client.Webhooks.Confirm(id, "0000000"));

            Assert.Equal(ZiggeoStatus.Http, error.Status, "Status");
            Assert.Equal(400, error.HttpStatus, "HttpStatus");
            Assert.Contains("wrong validation_code", error.Body);
            Assert.Contains("400", error.Message);
            Assert.Equal(false, error.OutcomeUnknown, "OutcomeUnknown");
        }

        public void WrongPrivateKeyThrows401()
        {
            const string badKey = "wrong-private-key-must-stay-secret";
            using (Client client = NewClient(null, badKey))
            {
                var error = Assert.Throws<ZiggeoHttpException>(() => client.Webhooks.Create(Receiver.Url(), null, "video_ready"));

                Assert.Equal(401, error.HttpStatus, "HttpStatus");
                Assert.Contains("unauthorized", error.Body);
                Assert.DoesNotContain(badKey, error.ToString());
                Assert.DoesNotContain(badKey, client.ToString());
            }
        }

        public void DelayFaultThrowsTimeout()
        {
            Sandbox.Fault("{\"path\": \"/v1/api/hook\", \"action\": \"delay\", \"delay_ms\": 3000}");
            ClientOptions options = SandboxOptions();
            options.Timeout = TimeSpan.FromMilliseconds(500);
            using (Client client = NewClient(options))
            {
                var error = Assert.Throws<ZiggeoTimeoutException>(() => client.Webhooks.Create(Receiver.Url(), null, "video_ready"));

                Assert.Equal(ZiggeoStatus.Timeout, error.Status, "Status");
                Assert.Equal(null, error.HttpStatus, "HttpStatus");
                Assert.True(error.OutcomeUnknown, "a create that timed out after sending may have registered the webhook");
            }
        }

        public void NulCharacterRejected()
        {
            var error = Assert.Throws<ZiggeoInvalidArgumentException>(() => Client.Webhooks.Delete("http://127.0.0.1/a\0b"));

            Assert.Contains("target_url", error.Message);
            Assert.Contains("NUL", error.Message);
        }

        public void LoneSurrogateRejected()
        {
            var error = Assert.Throws<ZiggeoInvalidArgumentException>(() => Client.Webhooks.Delete("http://127.0.0.1/a\uD800"));

            Assert.Contains("target_url", error.Message);
            Assert.Contains("surrogate", error.Message);
        }

        public void NullArgumentNamed()
        {
            var error = Assert.Throws<ZiggeoInvalidArgumentException>(() => Client.Webhooks.Confirm(null, "123456"));

            Assert.Contains("webhook_id", error.Message);
        }

        public void InvalidTimeoutsRejected()
        {
            foreach (TimeSpan timeout in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(-1) })
            {
                ClientOptions options = SandboxOptions();
                options.Timeout = timeout;

                var error = Assert.Throws<ZiggeoInvalidArgumentException>(() => NewClient(options).Dispose());

                Assert.Contains("timeout", error.Message);
            }
        }

        public void InvalidBaseUrlRejected()
        {
            var error = Assert.Throws<ZiggeoInvalidArgumentException>(
                () => new Client(Sandbox.AppToken, Sandbox.PrivateKey, new ClientOptions { BaseUrl = "not a url" }));

            Assert.DoesNotContain(Sandbox.PrivateKey, error.Message);
        }
    }
}
