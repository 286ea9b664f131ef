namespace StoryEngine.MiniLM.Onnx;

/// <summary>The onnx.proto field numbers and tensor types this project's model rewrites read and write.</summary>
internal static class OnnxProto
{
    // onnx.proto field numbers.
    public const int ModelGraph = 7;
    public const int ModelOpsetImport = 8;
    public const int OpsetDomain = 1;
    public const int OpsetVersion = 2;
    public const int GraphNode = 1;
    public const int GraphInitializer = 5;
    public const int NodeInput = 1;
    public const int NodeOutput = 2;
    public const int NodeName = 3;
    public const int NodeOpType = 4;
    public const int NodeAttribute = 5;
    public const int NodeDomain = 7;
    public const int TensorDims = 1;
    public const int TensorDataType = 2;
    public const int TensorFloatData = 4;
    public const int TensorName = 8;
    public const int TensorRawData = 9;
    public const int TensorDataLocation = 14;
    public const int AttributeName = 1;
    public const int AttributeInt = 3;
    public const int AttributeType = 20;
    public const int AttributeTypeInt = 2;

    // TensorProto.DataType.
    public const int FloatType = 1;
    public const int Uint8Type = 2;

    /// <summary>The model whose fields are <paramref name="modelFields"/> with <paramref name="graph"/> as its graph.</summary>
    public static byte[] WithGraph(List<ProtoField> modelFields, ReadOnlySpan<byte> graph)
    {
        // Written straight into an array of its exact size: no growing buffer and no copy of it (tens of megabytes).
        var size = modelFields.Where(f => f.Number != ModelGraph).Sum(f => f.Encoded.Length) + ProtoWire.LengthDelimitedSize(ModelGraph, graph.Length);
        var bytes = new byte[size];
        using var output = new MemoryStream(bytes);
        foreach (var field in modelFields)
        {
            if (field.Number == ModelGraph)
            {
                ProtoWire.WriteBytes(output, ModelGraph, graph);
            }
            else
            {
                output.Write(field.Encoded.Span);
            }
        }

        return bytes;
    }
}
