using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Libziggeo.Tests
{
    /// <summary>
    /// A small JSON reader for the sandbox's admin responses, because Mono's
    /// minimal Debian install has no JSON library. Objects become
    /// Dictionary&lt;string, object&gt;, arrays List&lt;object&gt;, numbers double.
    /// </summary>
    internal sealed class MiniJson
    {
        private readonly string text;
        private int position;

        private MiniJson(string text)
        {
            this.text = text;
        }

        public static object Parse(string text)
        {
            var reader = new MiniJson(text);
            object value = reader.ReadValue();
            reader.SkipWhitespace();
            if (reader.position != text.Length)
            {
                throw reader.Error("trailing characters");
            }
            return value;
        }

        private object ReadValue()
        {
            SkipWhitespace();
            if (position >= text.Length)
            {
                throw Error("unexpected end");
            }
            char next = text[position];
            if (next == '{') return ReadObject();
            if (next == '[') return ReadArray();
            if (next == '"') return ReadString();
            if (Consume("true")) return true;
            if (Consume("false")) return false;
            if (Consume("null")) return null;
            return ReadNumber();
        }

        private Dictionary<string, object> ReadObject()
        {
            var result = new Dictionary<string, object>();
            position++;
            SkipWhitespace();
            if (Consume("}")) return result;
            do
            {
                SkipWhitespace();
                string key = ReadString();
                SkipWhitespace();
                Expect(':');
                result[key] = ReadValue();
                SkipWhitespace();
            }
            while (Consume(","));
            Expect('}');
            return result;
        }

        private List<object> ReadArray()
        {
            var result = new List<object>();
            position++;
            SkipWhitespace();
            if (Consume("]")) return result;
            do
            {
                result.Add(ReadValue());
                SkipWhitespace();
            }
            while (Consume(","));
            Expect(']');
            return result;
        }

        private string ReadString()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (position < text.Length && text[position] != '"')
            {
                char c = text[position++];
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }
                char escape = text[position++];
                switch (escape)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u':
                        builder.Append((char)int.Parse(text.Substring(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        position += 4;
                        break;
                    default: builder.Append(escape); break;
                }
            }
            Expect('"');
            return builder.ToString();
        }

        private double ReadNumber()
        {
            int start = position;
            while (position < text.Length && "+-0123456789.eE".IndexOf(text[position]) >= 0)
            {
                position++;
            }
            if (start == position)
            {
                throw Error("unexpected character");
            }
            return double.Parse(text.Substring(start, position - start), CultureInfo.InvariantCulture);
        }

        private void SkipWhitespace()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private bool Consume(string literal)
        {
            if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
            {
                return false;
            }
            position += literal.Length;
            return true;
        }

        private void Expect(char expected)
        {
            if (position >= text.Length || text[position] != expected)
            {
                throw Error("expected '" + expected + "'");
            }
            position++;
        }

        private FormatException Error(string problem)
        {
            return new FormatException("invalid JSON at offset " + position + ": " + problem);
        }
    }
}
