using System;
using System.Runtime.InteropServices;

namespace Libziggeo
{
    /// <summary>
    /// Owns a native ZiggeoClient. The runtime keeps the handle alive during
    /// every P/Invoke call that uses it, so disposing it while another thread
    /// is in a call frees the client only after that call returns.
    /// </summary>
    internal sealed class ClientHandle : SafeHandle
    {
        private ClientHandle() : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            NativeMethods.ziggeo_client_free(handle);
            return true;
        }
    }

    /// <summary>Owns a native ZiggeoDelivery; freed like ClientHandle.</summary>
    internal sealed class DeliveryHandle : SafeHandle
    {
        private DeliveryHandle() : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            NativeMethods.ziggeo_delivery_free(handle);
            return true;
        }
    }

    /// <summary>Owns a native ZiggeoOptions while a client is built.</summary>
    internal sealed class OptionsHandle : SafeHandle
    {
        private OptionsHandle() : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            NativeMethods.ziggeo_options_free(handle);
            return true;
        }
    }
}
