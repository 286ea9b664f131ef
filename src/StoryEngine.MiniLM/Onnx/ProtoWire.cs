using System.Buffers.Binary;
using System.Text;

namespace StoryEngine.MiniLM.Onnx;

/// <summary>One field of a Protocol Buffers message as it lies in the bytes.</summary>
/// <param name="Number">The field number.</param>
/// <param name="WireType">0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit.</param>
/// <param name="Varint">The value of a varint field.</param>
/// <param name="Payload">The bytes of a length-delimited field (a string, bytes, a message, a packed array).</param>
/// <param name="Encoded">The whole field, tag included: what to copy when it is kept as it is.</param>
internal readonly record struct ProtoField(int Number, int WireType, ulong Varint, ReadOnlyMemory<byte> Payload, ReadOnlyMemory<byte> Encoded)
{
    public string Text => Encoding.UTF8.GetString(Payload.Span);
}

/// <summary>
/// The Protocol Buffers wire format (protobuf.dev/programming-guides/encoding), as much as rewriting an ONNX model
/// needs: a message read as its fields in order, and fields written. Unknown fields are copied byte for byte, so a
/// model keeps everything this code does not touch.
/// </summary>
internal static class ProtoWire
{
    public const int VarintType = 0;
    public const int Fixed64Type = 1;
    public const int LengthType = 2;
    public const int Fixed32Type = 5;

    /// <summary>The fields of <paramref name="message"/>, in the order they are written.</summary>
    public static List<ProtoField> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtoField>();
        var span = message.Span;
        var position = 0;
        while (position < span.Length)
        {
            var start = position;
            var tag = ReadVarint(span, ref position);
            var number = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            ulong varint = 0;
            var payload = ReadOnlyMemory<byte>.Empty;
            switch (wireType)
            {
                case VarintType:
                    varint = ReadVarint(span, ref position);
                    break;
                case Fixed64Type:
                    payload = Take(message, ref position, 8);
                    break;
                case LengthType:
                    var length = ReadVarint(span, ref position);
                    if (length > (ulong)(span.Length - position))
                    {
                        throw new InvalidDataException("A length-delimited field runs past the end of its message.");
                    }

                    payload = Take(message, ref position, (int)length);
                    break;
                case Fixed32Type:
                    payload = Take(message, ref position, 4);
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {wireType} (field {number}).");
            }

            if (number <= 0)
            {
                throw new InvalidDataException("A protobuf field number must be positive.");
            }

            fields.Add(new ProtoField(number, wireType, varint, payload, message[start..position]));
        }

        return fields;
    }

    /// <summary>The values of a repeated int64 field, packed or not.</summary>
    public static List<long> Int64s(IEnumerable<ProtoField> fields, int number)
    {
        var values = new List<long>();
        foreach (var field in fields.Where(f => f.Number == number))
        {
            if (field.WireType == VarintType)
            {
                values.Add((long)field.Varint);
                continue;
            }

            var span = field.Payload.Span;
            for (var position = 0; position < span.Length;)
            {
                values.Add((long)ReadVarint(span, ref position));
            }
        }

        return values;
    }

    public static void WriteTag(Stream output, int number, int wireType) => WriteVarint(output, ((ulong)number << 3) | (uint)wireType);

    /// <summary>How many bytes a length-delimited field of <paramref name="length"/> bytes takes, tag and length included.</summary>
    public static int LengthDelimitedSize(int number, int length) =>
        VarintSize((ulong)number << 3) + VarintSize((ulong)length) + length;

    private static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    public static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }

    public static void WriteInt64(Stream output, int number, long value)
    {
        WriteTag(output, number, VarintType);
        WriteVarint(output, (ulong)value);
    }

    public static void WriteBytes(Stream output, int number, ReadOnlySpan<byte> bytes)
    {
        WriteTag(output, number, LengthType);
        WriteVarint(output, (ulong)bytes.Length);
        output.Write(bytes);
    }

    public static void WriteString(Stream output, int number, string text) => WriteBytes(output, number, Encoding.UTF8.GetBytes(text));

    /// <summary>A float as a fixed 32-bit field.</summary>
    public static void WriteFloat(Stream output, int number, float value)
    {
        WriteTag(output, number, Fixed32Type);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        output.Write(bytes);
    }

    /// <summary>Writes a nested message that <paramref name="write"/> produces.</summary>
    public static void WriteMessage(Stream output, int number, Action<Stream> write)
    {
        using var inner = new MemoryStream();
        write(inner);
        WriteBytes(output, number, inner.GetBuffer().AsSpan(0, (int)inner.Length));
    }

    private static ReadOnlyMemory<byte> Take(ReadOnlyMemory<byte> message, ref int position, int length)
    {
        if (length > message.Length - position)
        {
            throw new InvalidDataException("A protobuf field runs past the end of its message.");
        }

        var taken = message.Slice(position, length);
        position += length;
        return taken;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= span.Length)
            {
                throw new InvalidDataException("A protobuf varint runs past the end of its message.");
            }

            var b = span[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A protobuf varint is longer than ten bytes.");
    }
}
