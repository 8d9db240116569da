namespace Libziggeo
{
    /// <summary>Facts about the loaded libziggeo.</summary>
    public static class ZiggeoLibrary
    {
        /// <summary>The loaded library's version, such as "0.1.0". Loads the library on first use.</summary>
        public static string Version => Interop.Borrowed(NativeMethods.ziggeo_version());
    }
}
