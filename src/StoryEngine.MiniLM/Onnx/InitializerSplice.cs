using System.Runtime.InteropServices;
using static StoryEngine.MiniLM.Onnx.OnnxProto;

namespace StoryEngine.MiniLM.Onnx;

/// <summary>
/// Puts new values into a model's float initializers, by name, keeping every node and every other tensor: how the
/// sentence reader's trained layers go into the published model they were fine-tuned from.
/// </summary>
internal static class InitializerSplice
{
    /// <exception cref="InvalidDataException">A name the model lacks, or values that do not fill the tensor's shape.</exception>
    public static byte[] Replace(ReadOnlyMemory<byte> model, IReadOnlyDictionary<string, float[]> values)
    {
        var modelFields = ProtoWire.Fields(model);
        var graphField = modelFields.SingleOrDefault(f => f.Number == ModelGraph);
        if (graphField.Number != ModelGraph)
        {
            throw new InvalidDataException("The ONNX model has no graph.");
        }

        var replaced = new HashSet<string>(StringComparer.Ordinal);
        using var graph = new MemoryStream(graphField.Payload.Length);
        foreach (var field in ProtoWire.Fields(graphField.Payload))
        {
            if (field.Number != GraphInitializer)
            {
                graph.Write(field.Encoded.Span);
                continue;
            }

            var tensor = ProtoWire.Fields(field.Payload);
            var name = tensor.FirstOrDefault(f => f.Number == TensorName).Text;
            if (!values.TryGetValue(name, out var floats))
            {
                graph.Write(field.Encoded.Span);
                continue;
            }

            var dims = ProtoWire.Int64s(tensor, TensorDims);
            var type = (int)tensor.FirstOrDefault(f => f.Number == TensorDataType).Varint;
            if (type != FloatType || dims.Aggregate(1L, (a, b) => a * b) != floats.Length)
            {
                throw new InvalidDataException($"The values for '{name}' do not fit its tensor ({string.Join('x', dims)}, type {type}).");
            }

            ProtoWire.WriteMessage(graph, GraphInitializer, t =>
            {
                foreach (var dim in dims)
                {
                    ProtoWire.WriteInt64(t, TensorDims, dim);
                }

                ProtoWire.WriteInt64(t, TensorDataType, FloatType);
                ProtoWire.WriteString(t, TensorName, name);
                ProtoWire.WriteBytes(t, TensorRawData, MemoryMarshal.AsBytes(floats.AsSpan()));
            });
            replaced.Add(name);
        }

        if (values.Keys.FirstOrDefault(k => !replaced.Contains(k)) is { } missing)
        {
            throw new InvalidDataException($"The model has no initializer '{missing}'.");
        }

        return OnnxProto.WithGraph(modelFields, graph.GetBuffer().AsSpan(0, (int)graph.Length));
    }
}
