using System;

namespace Libziggeo.Tests
{
    /// <summary>Assertions that throw with the expected and actual values.</summary>
    internal static class Assert
    {
        public static void Equal<T>(T expected, T actual, string subject = "value")
        {
            if (!Equals(expected, actual))
            {
                throw new Exception(subject + ": expected <" + expected + ">, got <" + actual + ">");
            }
        }

        public static void True(bool condition, string subject)
        {
            if (!condition)
            {
                throw new Exception("expected true: " + subject);
            }
        }

        public static void Contains(string expected, string actual)
        {
            if (actual == null || actual.IndexOf(expected, StringComparison.Ordinal) < 0)
            {
                throw new Exception("expected <" + actual + "> to contain <" + expected + ">");
            }
        }

        public static void DoesNotContain(string unexpected, string actual)
        {
            if (actual != null && actual.IndexOf(unexpected, StringComparison.Ordinal) >= 0)
            {
                throw new Exception("expected <" + actual + "> not to contain <" + unexpected + ">");
            }
        }

        public static void Matches(string pattern, string actual)
        {
            if (actual == null || !System.Text.RegularExpressions.Regex.IsMatch(actual, pattern))
            {
                throw new Exception("expected <" + actual + "> to match /" + pattern + "/");
            }
        }

        /// <summary>Runs action and returns the exception of type T it throws.</summary>
        public static T Throws<T>(Action action) where T : Exception
        {
            try
            {
                action();
            }
            catch (T expected)
            {
                return expected;
            }
            catch (Exception other)
            {
                throw new Exception("expected " + typeof(T).Name + ", got " + other.GetType().Name + ": " + other.Message, other);
            }
            throw new Exception("expected " + typeof(T).Name + ", but nothing was thrown");
        }
    }
}
