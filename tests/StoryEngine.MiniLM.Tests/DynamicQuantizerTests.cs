using Microsoft.ML.OnnxRuntime;
using StoryEngine.MiniLM.Onnx;

namespace StoryEngine.MiniLM.Tests;

public sealed class DynamicQuantizerTests
{
    private const int Vocabulary = 2000;
    private const int Width = 32;
    private const int Outputs = 6;

    [Fact]
    public void A_quantized_model_computes_what_the_float_model_computes_within_8_bit_rounding()
    {
        var model = TinyModel.Build(sharedWeight: false);
        var quantized = DynamicQuantizer.Quantize(model, out var summary, minLookupTable: 1);

        Assert.Equal(2, summary.MatMuls);
        Assert.Equal(1, summary.Lookups);
        Assert.Equal((Vocabulary * Width) + (Width * Width) + (Width * Outputs), summary.QuantizedWeights);
        var expected = TinyModel.Run(model, [3, 17, 42]);
        var got = TinyModel.Run(quantized, [3, 17, 42]);
        Assert.Equal(expected.Length, got.Length);
        var scale = expected.Max(Math.Abs);
        Assert.All(expected.Zip(got), pair => Assert.True(Math.Abs(pair.First - pair.Second) < 0.03 * scale, $"{pair.First} against {pair.Second}"));
    }

    [Fact]
    public void Quantized_weights_take_about_a_quarter_of_the_bytes()
    {
        var model = TinyModel.Build(sharedWeight: false);
        var quantized = DynamicQuantizer.Quantize(model, out _, minLookupTable: 1);

        // 8 bits for 32, plus each embedding row's scale and minimum.
        Assert.InRange(quantized.Length, model.Length / 5, model.Length * 0.35);
    }

    [Fact]
    public void A_weight_that_another_node_also_reads_stays_in_floats()
    {
        // The second product's weight is also an output of the graph: that reader needs the floats.
        var model = TinyModel.Build(sharedWeight: true);
        var quantized = DynamicQuantizer.Quantize(model, out var summary, minLookupTable: 1);

        Assert.Equal(1, summary.MatMuls);
        var expected = TinyModel.Run(model, [1, 2, 3]);
        var got = TinyModel.Run(quantized, [1, 2, 3]);
        var scale = expected.Max(Math.Abs);
        Assert.All(expected.Zip(got), pair => Assert.True(Math.Abs(pair.First - pair.Second) < 0.03 * scale));
    }

    [Fact]
    public void Small_lookup_tables_are_left_alone()
    {
        var model = TinyModel.Build(sharedWeight: false);
        DynamicQuantizer.Quantize(model, out var summary);

        Assert.Equal(0, summary.Lookups);
        Assert.Equal(2, summary.MatMuls);
    }

    [Fact]
    public void Bytes_that_are_not_a_model_are_refused_with_a_clear_error()
    {
        Assert.Throws<InvalidDataException>(() => DynamicQuantizer.Quantize(new byte[] { 0x0a, 0xff, 0xff, 0xff }, out _));
        Assert.Throws<InvalidDataException>(() => DynamicQuantizer.Quantize(new byte[] { 0x08, 0x07 }, out _));
    }

    [Fact]
    public void A_model_older_than_opset_11_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => DynamicQuantizer.Quantize(TinyModel.Build(sharedWeight: false, opset: 9), out _));
    }

    /// <summary>ids → Gather(table) → MatMul(w1) → MatMul(w2) (and w2 as a second output when shared), written field by field.</summary>
    private static class TinyModel
    {
        public static byte[] Build(bool sharedWeight, int opset = 13)
        {
            var random = new Random(7);
            float[] Numbers(int count) => [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
            using var model = new MemoryStream();
            ProtoWire.WriteInt64(model, 1, 7);
            ProtoWire.WriteMessage(model, 8, o =>
            {
                ProtoWire.WriteString(o, 1, string.Empty);
                ProtoWire.WriteInt64(o, 2, opset);
            });
            ProtoWire.WriteMessage(model, 7, g =>
            {
                Node(g, "Gather", ["table", "ids"], ["embedded"]);
                Node(g, "MatMul", ["embedded", "w1"], ["hidden"]);
                Node(g, "MatMul", ["hidden", "w2"], ["y"]);
                if (sharedWeight)
                {
                    Node(g, "Identity", ["w2"], ["w2_copy"]);
                }

                Tensor(g, "table", [Vocabulary, Width], Numbers(Vocabulary * Width));
                Tensor(g, "w1", [Width, Width], Numbers(Width * Width));
                Tensor(g, "w2", [Width, Outputs], Numbers(Width * Outputs));
                Value(g, 11, "ids", 7, [3]);
                Value(g, 12, "y", 1, [3, Outputs]);
                if (sharedWeight)
                {
                    Value(g, 12, "w2_copy", 1, [Width, Outputs]);
                }
            });
            return model.ToArray();
        }

        public static float[] Run(byte[] model, long[] ids)
        {
            using var session = new InferenceSession(model);
            using var input = OrtValue.CreateTensorValueFromMemory(ids, [ids.Length]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, ["ids"], [input], ["y"]);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }

        private static void Node(Stream graph, string op, string[] inputs, string[] outputs) =>
            ProtoWire.WriteMessage(graph, 1, n =>
            {
                foreach (var i in inputs)
                {
                    ProtoWire.WriteString(n, 1, i);
                }

                foreach (var o in outputs)
                {
                    ProtoWire.WriteString(n, 2, o);
                }

                ProtoWire.WriteString(n, 3, op + "_" + outputs[0]);
                ProtoWire.WriteString(n, 4, op);
            });

        private static void Tensor(Stream graph, string name, long[] dims, float[] values) =>
            ProtoWire.WriteMessage(graph, 5, t =>
            {
                foreach (var d in dims)
                {
                    ProtoWire.WriteInt64(t, 1, d);
                }

                ProtoWire.WriteInt64(t, 2, 1);
                ProtoWire.WriteString(t, 8, name);
                ProtoWire.WriteBytes(t, 9, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            });

        private static void Value(Stream graph, int field, string name, int elementType, long[] dims) =>
            ProtoWire.WriteMessage(graph, field, v =>
            {
                ProtoWire.WriteString(v, 1, name);
                ProtoWire.WriteMessage(v, 2, type => ProtoWire.WriteMessage(type, 1, tensor =>
                {
                    ProtoWire.WriteInt64(tensor, 1, elementType);
                    ProtoWire.WriteMessage(tensor, 2, shape =>
                    {
                        foreach (var d in dims)
                        {
                            ProtoWire.WriteMessage(shape, 1, dim => ProtoWire.WriteInt64(dim, 1, d));
                        }
                    });
                }));
            });
    }
}
