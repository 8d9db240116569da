using System.Collections.Generic;
using System.IO;
using Libziggeo.Compat;

namespace Libziggeo.Tests
{
    internal sealed class CompatTests : SandboxTest
    {
        public void OfficialCallShapes()
        {
            using (var ziggeo = new Ziggeo(Sandbox.AppToken, Sandbox.PrivateKey, null, SandboxOptions()))
            {
                string url = Receiver.Url();

                string id = Read(ziggeo.webhooks().create(new Dictionary<string, string> { ["target_url"] = url, ["encoding"] = "json", ["events"] = "video_ready" }));
                Receiver.Accept();
                Delivery validation = Parse(Receiver.Accept());
                string confirmed = Read(ziggeo.webhooks().confirm(new Dictionary<string, string> { ["webhook_id"] = id, ["validation_code"] = validation.ValidationCode }));
                string deleted = Read(ziggeo.webhooks().delete(new Dictionary<string, string> { ["target_url"] = url }));

                Assert.Matches("^[0-9a-f]{32}$", id);
                Assert.Equal("true", confirmed);
                Assert.Equal("null", deleted);
            }
        }

        public void ErrorThrowsInsteadOfPseudoJson()
        {
            using (var ziggeo = new Ziggeo(Sandbox.AppToken, Sandbox.PrivateKey, null, SandboxOptions()))
            {
                var error = Assert.Throws<ZiggeoHttpException>(
                    () => ziggeo.webhooks().delete(new Dictionary<string, string> { ["target_url"] = Receiver.Url("/none") }));

                Assert.Equal(404, error.HttpStatus, "HttpStatus");
            }
        }

        public void UnknownFieldRejected()
        {
            using (var ziggeo = new Ziggeo(Sandbox.AppToken, Sandbox.PrivateKey, null, SandboxOptions()))
            {
                var data = new Dictionary<string, string> { ["target_url"] = Receiver.Url(), ["events"] = "video_ready", ["format"] = "json" };

                var error = Assert.Throws<ZiggeoInvalidArgumentException>(() => ziggeo.webhooks().create(data));

                Assert.Contains("unknown field \"format\"; this call takes target_url, encoding, events", error.Message);
            }
        }

        public void MissingFieldNamed()
        {
            using (var ziggeo = new Ziggeo(Sandbox.AppToken, Sandbox.PrivateKey, null, SandboxOptions()))
            {
                var error = Assert.Throws<ZiggeoInvalidArgumentException>(() => ziggeo.webhooks().delete(new Dictionary<string, string>()));

                Assert.Contains("target_url", error.Message);
            }
        }

        public void DisposeTwiceAndToString()
        {
            var ziggeo = new Ziggeo(Sandbox.AppToken, Sandbox.PrivateKey, null, SandboxOptions());

            ziggeo.Dispose();
            ziggeo.Dispose();

            Assert.True(ziggeo.Client.IsDisposed, "IsDisposed");
            Assert.DoesNotContain(Sandbox.PrivateKey, ziggeo.ToString());
        }

        private static string Read(Stream stream)
        {
            using (var reader = new StreamReader(stream))
            {
                return reader.ReadToEnd();
            }
        }
    }
}
