namespace Libziggeo
{
    /// <summary>The result code of a libziggeo call; the numbers are fixed by the C ABI.</summary>
    public enum ZiggeoStatus
    {
        Ok = 0,
        InvalidArgument = 1,
        Http = 2,
        Timeout = 3,
        Connection = 4,
        Dns = 5,
        Tls = 6,
        InvalidResponse = 7,
        InvalidDelivery = 8,
        Internal = 9,
    }

    /// <summary>The kind of a webhook delivery; the numbers are fixed by the C ABI.</summary>
    public enum DeliveryKind
    {
        /// <summary>No delivery.</summary>
        None = 0,

        /// <summary>The reachability ping after create; respond with HTTP 200.</summary>
        Ping = 1,

        /// <summary>The validation call with the webhook id and validation code.</summary>
        Validation = 2,

        /// <summary>An event such as video_ready.</summary>
        Event = 3,
    }
}
