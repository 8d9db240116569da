using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Libziggeo.Tests
{
    /// <summary>A request that reached the receiver.</summary>
    internal sealed class ReceivedRequest
    {
        public string Path;
        public string ContentType;
        public byte[] Body;
    }

    /// <summary>
    /// A webhook target URL on 127.0.0.1 that the tests drive one request at
    /// a time: Accept waits for the next POST, responds 200 and returns it.
    /// The sandbox's connections wait in the listen backlog until then.
    /// </summary>
    internal sealed class Receiver : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

        public Receiver()
        {
            listener.Start();
        }

        public string Url(string path = "/webhook")
        {
            return "http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port + path;
        }

        public ReceivedRequest Accept()
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            while (!listener.Pending())
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("no request reached the receiver within 10 s");
                }
                System.Threading.Thread.Sleep(10);
            }
            using (TcpClient connection = listener.AcceptTcpClient())
            {
                connection.ReceiveTimeout = 10000;
                NetworkStream stream = connection.GetStream();
                ReceivedRequest request = Read(stream);
                byte[] response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                stream.Write(response, 0, response.Length);
                return request;
            }
        }

        public void Dispose()
        {
            listener.Stop();
        }

        private static ReceivedRequest Read(Stream stream)
        {
            string requestLine = ReadLine(stream);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string line;
            while ((line = ReadLine(stream)).Length > 0)
            {
                int colon = line.IndexOf(':');
                headers[line.Substring(0, colon)] = line.Substring(colon + 1).Trim();
            }
            string lengthText;
            int length = headers.TryGetValue("Content-Length", out lengthText) ? int.Parse(lengthText) : 0;
            byte[] body = new byte[length];
            int read = 0;
            while (read < length)
            {
                int count = stream.Read(body, read, length - read);
                if (count == 0)
                {
                    throw new EndOfStreamException("the request body ended early");
                }
                read += count;
            }
            string contentType;
            headers.TryGetValue("Content-Type", out contentType);
            return new ReceivedRequest { Path = requestLine.Split(' ')[1], ContentType = contentType, Body = body };
        }

        /// <summary>Reads one CRLF-terminated header line byte by byte, so no body bytes are consumed.</summary>
        private static string ReadLine(Stream stream)
        {
            var bytes = new List<byte>();
            while (true)
            {
                int next = stream.ReadByte();
                if (next < 0)
                {
                    throw new EndOfStreamException("the request ended inside its headers");
                }
                if (next == '\n')
                {
                    break;
                }
                if (next != '\r')
                {
                    bytes.Add((byte)next);
                }
            }
            return Encoding.ASCII.GetString(bytes.ToArray());
        }
    }
}
