using System;
using System.Linq;
using System.Reflection;

namespace Libziggeo.Tests
{
    /// <summary>
    /// Runs every public void method without parameters of every class
    /// deriving from SandboxTest, each on a fresh instance, then prints
    /// "N passed, N failed" and exits 1 when any test failed.
    /// </summary>
    internal static class Program
    {
        internal static Sandbox Sandbox;

        private static int Main()
        {
            int passed = 0;
            int failed = 0;
            try
            {
                Sandbox = new Sandbox();
            }
            catch (Exception e)
            {
                Console.WriteLine("FAIL starting the sandbox: " + e.Message);
                Console.WriteLine("0 passed, 1 failed");
                return 1;
            }
            using (Sandbox)
            {
                var testClasses = typeof(Program).Assembly.GetTypes()
                    .Where(type => type.IsSubclassOf(typeof(SandboxTest)) && !type.IsAbstract)
                    .OrderBy(type => type.Name);
                foreach (Type type in testClasses)
                {
                    var tests = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                        .Where(method => method.ReturnType == typeof(void) && method.GetParameters().Length == 0)
                        .OrderBy(method => method.Name);
                    foreach (MethodInfo test in tests)
                    {
                        string name = type.Name + "." + test.Name;
                        try
                        {
                            using (var instance = (SandboxTest)Activator.CreateInstance(type))
                            {
                                test.Invoke(instance, null);
                            }
                            passed++;
                            Console.WriteLine("ok   " + name);
                        }
                        catch (Exception e)
                        {
                            failed++;
                            Exception cause = e is TargetInvocationException && e.InnerException != null ? e.InnerException : e;
                            Console.WriteLine("FAIL " + name + ": " + cause);
                        }
                    }
                }
            }
            Console.WriteLine(passed + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }
}
