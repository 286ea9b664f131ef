using Microsoft.ML.OnnxRuntime;
using StoryEngine.MiniLM.Onnx;

namespace StoryEngine.MiniLM.Tests;

/// <summary>ids → Gather(table) → MatMul(w1) → MatMul(w2) (and w2 as a second output when shared), written field by field.</summary>
internal static class TinyOnnxModel
{
    public const int Vocabulary = 2000;
    public const int Width = 32;
    public const int Outputs = 6;

    /// <summary>The weights <see cref="Build"/> uses (the same every call).</summary>
    public static (float[] Table, float[] W1, float[] W2) Weights()
    {
        var random = new Random(7);
        float[] Numbers(int count) => [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        return (Numbers(Vocabulary * Width), Numbers(Width * Width), Numbers(Width * Outputs));
    }

    /// <param name="w2">Replaces the second product's weight.</param>
    public static byte[] Build(bool sharedWeight, int opset = 13, float[]? w2 = null)
    {
        var (table, w1, w2Default) = Weights();
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

            Tensor(g, "table", [Vocabulary, Width], table);
            Tensor(g, "w1", [Width, Width], w1);
            Tensor(g, "w2", [Width, Outputs], w2 ?? w2Default);
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
