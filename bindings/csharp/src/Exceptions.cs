using System;

namespace Libziggeo
{
    /// <summary>
    /// Base class of every exception a libziggeo call throws. Status is the
    /// libziggeo status. HttpStatus and Body are the server's response for a
    /// ZiggeoHttpException, and null otherwise. OutcomeUnknown is true when
    /// the request may have reached the server and taken effect, so a create
    /// may have registered the webhook. Messages never contain the private key.
    /// </summary>
    public class ZiggeoException : Exception
    {
        public ZiggeoException(string message, ZiggeoStatus status, int? httpStatus = null, string body = null, bool outcomeUnknown = false)
            : base(message)
        {
            Status = status;
            HttpStatus = httpStatus;
            Body = body;
            OutcomeUnknown = outcomeUnknown;
        }

        public ZiggeoStatus Status { get; }

        public int? HttpStatus { get; }

        public string Body { get; }

        public bool OutcomeUnknown { get; }
    }

    /// <summary>An argument was missing or invalid; nothing was sent.</summary>
    public class ZiggeoInvalidArgumentException : ZiggeoException
    {
        public ZiggeoInvalidArgumentException(string message)
            : base(message, ZiggeoStatus.InvalidArgument)
        {
        }
    }

    /// <summary>The server responded with a status outside 2xx; see HttpStatus and Body.</summary>
    public class ZiggeoHttpException : ZiggeoException
    {
        public ZiggeoHttpException(string message, int httpStatus, string body)
            : base(message, ZiggeoStatus.Http, httpStatus, body)
        {
        }
    }

    /// <summary>The call did not finish within the client's timeout.</summary>
    public class ZiggeoTimeoutException : ZiggeoException
    {
        public ZiggeoTimeoutException(string message, bool outcomeUnknown)
            : base(message, ZiggeoStatus.Timeout, outcomeUnknown: outcomeUnknown)
        {
        }
    }

    /// <summary>
    /// The server could not be reached or its response was unusable: a
    /// connection, DNS, TLS or invalid-response failure; Status names which.
    /// </summary>
    public class ZiggeoConnectionException : ZiggeoException
    {
        public ZiggeoConnectionException(string message, ZiggeoStatus status, bool outcomeUnknown)
            : base(message, status, outcomeUnknown: outcomeUnknown)
        {
        }
    }

    /// <summary>A webhook delivery body could not be parsed.</summary>
    public class ZiggeoInvalidDeliveryException : ZiggeoException
    {
        public ZiggeoInvalidDeliveryException(string message)
            : base(message, ZiggeoStatus.InvalidDelivery)
        {
        }
    }
}
