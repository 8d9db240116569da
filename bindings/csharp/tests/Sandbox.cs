using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Libziggeo.Tests
{
    /// <summary>
    /// One ziggeo-sandbox process on 127.0.0.1 for the whole test run,
    /// started from ZIGGEO_SANDBOX_BIN, with admin calls to its /_sandbox/
    /// routes over plain sockets, so no proxy setting can redirect them.
    /// </summary>
    internal sealed class Sandbox : IDisposable
    {
        public const string AppToken = "csharp-test-token";
        public const string PrivateKey = "csharp-test-private-key-do-not-leak";

        private readonly Process process;
        private readonly string host;
        private readonly int port;

        public Sandbox()
        {
            string binary = Environment.GetEnvironmentVariable("ZIGGEO_SANDBOX_BIN");
            if (string.IsNullOrEmpty(binary))
            {
                throw new InvalidOperationException("ZIGGEO_SANDBOX_BIN is not set; run the tests with `make test-csharp`");
            }
            var start = new ProcessStartInfo(binary, "--listen 127.0.0.1:0 --app " + AppToken + ":" + PrivateKey + " --quiet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
            };
            process = Process.Start(start);
            var firstLine = process.StandardOutput.ReadLineAsync();
            if (!firstLine.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new InvalidOperationException("ziggeo-sandbox printed no address within 30 s");
            }
            Match match = Regex.Match(firstLine.Result ?? "", @"^listening on http://(127\.0\.0\.1):(\d+)");
            if (!match.Success)
            {
                throw new InvalidOperationException("ziggeo-sandbox printed \"" + firstLine.Result + "\" instead of its address");
            }
            host = match.Groups[1].Value;
            port = int.Parse(match.Groups[2].Value);
        }

        public string BaseUrl => "http://" + host + ":" + port;

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
            process.WaitForExit();
            process.Dispose();
        }

        public void Reset()
        {
            Admin("POST", "/_sandbox/reset", null);
        }

        /// <summary>Returns the stored webhook with this id, or null.</summary>
        public Dictionary<string, object> Webhook(string id)
        {
            var list = (Dictionary<string, object>)Admin("GET", "/_sandbox/webhooks", null);
            foreach (Dictionary<string, object> webhook in (List<object>)list["webhooks"])
            {
                if ((string)webhook["id"] == id)
                {
                    return webhook;
                }
            }
            return null;
        }

        public int RequestCount()
        {
            var counts = (Dictionary<string, object>)Admin("GET", "/_sandbox/requests", null);
            return (int)(double)counts["total"];
        }

        /// <summary>Queues a fault given as JSON, such as {"path":"/v1/api/hook","action":"delay","delay_ms":2000}.</summary>
        public void Fault(string json)
        {
            Admin("POST", "/_sandbox/faults", json);
        }

        public object Admin(string method, string path, string json)
        {
            return Finish(Send(method, path, json));
        }

        /// <summary>
        /// Writes an admin request without waiting for the response, so that a
        /// test can serve the deliveries it causes before calling Finish.
        /// </summary>
        public TcpClient Send(string method, string path, string json)
        {
            var connection = new TcpClient();
            connection.Connect(host, port);
            byte[] body = Encoding.UTF8.GetBytes(json ?? "");
            string head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.Length + "\r\n\r\n";
            NetworkStream stream = connection.GetStream();
            byte[] headBytes = Encoding.ASCII.GetBytes(head);
            stream.Write(headBytes, 0, headBytes.Length);
            stream.Write(body, 0, body.Length);
            return connection;
        }

        /// <summary>Reads the response to Send and returns its parsed JSON body.</summary>
        public object Finish(TcpClient connection)
        {
            using (connection)
            {
                connection.ReceiveTimeout = 30000;
                string response;
                using (var reader = new StreamReader(connection.GetStream(), Encoding.UTF8))
                {
                    response = reader.ReadToEnd();
                }
                int split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                string head = split < 0 ? response : response.Substring(0, split);
                string body = split < 0 ? "" : response.Substring(split + 4);
                if (!head.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("admin request failed: " + head + "\n" + body);
                }
                return MiniJson.Parse(body);
            }
        }
    }
}
