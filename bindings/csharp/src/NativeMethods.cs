using System;
using System.Runtime.InteropServices;

namespace Libziggeo
{
    /// <summary>
    /// The C functions of libziggeo (include/ziggeo.h). Strings go in as
    /// NUL-terminated UTF-8 byte arrays. Owned <c>char *</c> results come back
    /// as IntPtr so that each is freed exactly once with ziggeo_string_free,
    /// and borrowed <c>const char *</c> results as IntPtr that are copied at
    /// once. C's one-byte <c>bool</c> is marshalled as I1.
    /// </summary>
    internal static class NativeMethods
    {
        /// <summary>The shared library's name: libziggeo.so, libziggeo.dylib or ziggeo.dll on the loader's path.</summary>
        internal const string Library = "ziggeo";

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr ziggeo_version();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr ziggeo_status_message(int status);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void ziggeo_string_free(IntPtr value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_error_code(IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr ziggeo_error_message(IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int ziggeo_error_http_status(IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr ziggeo_error_body(IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        [return: MarshalAs(UnmanagedType.I1)]
        internal static extern bool ziggeo_error_outcome_unknown(IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void ziggeo_error_free(IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern OptionsHandle ziggeo_options_new();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void ziggeo_options_free(IntPtr options);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_options_set_base_url(OptionsHandle options, byte[] baseUrl, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_options_set_timeout_ms(OptionsHandle options, ulong timeoutMs, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_options_set_connect_timeout_ms(OptionsHandle options, ulong connectTimeoutMs, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_options_set_max_retries(OptionsHandle options, uint maxRetries, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_options_set_user_agent(OptionsHandle options, byte[] userAgent, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_options_set_ca_bundle(OptionsHandle options, byte[] path, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_options_set_proxy_from_env(
            OptionsHandle options, [MarshalAs(UnmanagedType.I1)] bool enabled, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_client_new(
            byte[] appToken, byte[] privateKey, OptionsHandle options, out ClientHandle client, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void ziggeo_client_free(IntPtr client);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_webhooks_create(
            ClientHandle client, byte[] targetUrl, byte[] encoding, byte[] events, ref IntPtr body, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_webhooks_confirm(
            ClientHandle client, byte[] webhookId, byte[] validationCode, ref IntPtr body, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_webhooks_delete(ClientHandle client, byte[] targetUrl, ref IntPtr body, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_webhooks_confirm_delivery(
            ClientHandle client, DeliveryHandle delivery, ref IntPtr body, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_delivery_parse(
            byte[] contentType, byte[] body, UIntPtr bodyLength, out DeliveryHandle delivery, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern DeliveryKind ziggeo_delivery_kind(DeliveryHandle delivery);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr ziggeo_delivery_event_type(DeliveryHandle delivery);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr ziggeo_delivery_webhook_id(DeliveryHandle delivery);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr ziggeo_delivery_validation_code(DeliveryHandle delivery);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern ZiggeoStatus ziggeo_delivery_json(DeliveryHandle delivery, ref IntPtr json, ref IntPtr error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void ziggeo_delivery_free(IntPtr delivery);
    }
}
