using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Libziggeo
{
    /// <summary>Conversions between .NET values and the C ABI's strings, errors and status codes.</summary>
    internal static class Interop
    {
        /// <summary>
        /// Encodes value as NUL-terminated UTF-8, or returns null for null so
        /// that libziggeo reports it as missing under the parameter's name.
        /// </summary>
        internal static byte[] Utf8(string name, string value)
        {
            if (value == null)
            {
                return null;
            }
            if (value.IndexOf('\0') >= 0)
            {
                throw new ZiggeoInvalidArgumentException(
                    "invalid " + name + ": it contains a NUL character, which a C string cannot carry; remove it");
            }
            byte[] bytes;
            try
            {
                bytes = new byte[StrictUtf8.GetByteCount(value) + 1];
                StrictUtf8.GetBytes(value, 0, value.Length, bytes, 0);
            }
            catch (EncoderFallbackException)
            {
                throw new ZiggeoInvalidArgumentException(
                    "invalid " + name + ": it contains an unpaired UTF-16 surrogate; pass valid Unicode text");
            }
            return bytes;
        }

        /// <summary>
        /// UTF-8 that throws on an unpaired surrogate; the default encoder would
        /// send U+FFFD in its place, a different value than the caller passed.
        /// </summary>
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Copies a borrowed NUL-terminated UTF-8 string; IntPtr.Zero gives null.</summary>
        internal static string Borrowed(IntPtr pointer)
        {
            if (pointer == IntPtr.Zero)
            {
                return null;
            }
            int length = 0;
            while (Marshal.ReadByte(pointer, length) != 0)
            {
                length++;
            }
            byte[] bytes = new byte[length];
            Marshal.Copy(pointer, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>Copies an owned string and frees it with ziggeo_string_free.</summary>
        internal static string TakeOwned(IntPtr pointer)
        {
            try
            {
                return Borrowed(pointer);
            }
            finally
            {
                NativeMethods.ziggeo_string_free(pointer);
            }
        }

        /// <summary>
        /// Throws the exception for a failed call, built from its status and
        /// its ZiggeoError pointer, which this frees.
        /// </summary>
        internal static void Check(ZiggeoStatus status, IntPtr error)
        {
            if (status == ZiggeoStatus.Ok)
            {
                return;
            }
            if (error == IntPtr.Zero)
            {
                throw Build(status, Borrowed(NativeMethods.ziggeo_status_message((int)status)), 0, null, false);
            }
            try
            {
                throw Build(
                    status,
                    Borrowed(NativeMethods.ziggeo_error_message(error)),
                    NativeMethods.ziggeo_error_http_status(error),
                    Borrowed(NativeMethods.ziggeo_error_body(error)),
                    NativeMethods.ziggeo_error_outcome_unknown(error));
            }
            finally
            {
                NativeMethods.ziggeo_error_free(error);
            }
        }

        private static ZiggeoException Build(ZiggeoStatus status, string message, int httpStatus, string body, bool outcomeUnknown)
        {
            switch (status)
            {
                case ZiggeoStatus.InvalidArgument:
                    return new ZiggeoInvalidArgumentException(message);
                case ZiggeoStatus.Http:
                    return new ZiggeoHttpException(message, httpStatus, body);
                case ZiggeoStatus.Timeout:
                    return new ZiggeoTimeoutException(message, outcomeUnknown);
                case ZiggeoStatus.Connection:
                case ZiggeoStatus.Dns:
                case ZiggeoStatus.Tls:
                case ZiggeoStatus.InvalidResponse:
                    return new ZiggeoConnectionException(message, status, outcomeUnknown);
                case ZiggeoStatus.InvalidDelivery:
                    return new ZiggeoInvalidDeliveryException(message);
                default:
                    return new ZiggeoException(message, ZiggeoStatus.Internal);
            }
        }
    }
}
