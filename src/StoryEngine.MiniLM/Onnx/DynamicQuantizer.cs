using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace StoryEngine.MiniLM.Onnx;

/// <summary>What <see cref="DynamicQuantizer.Quantize"/> did to a model.</summary>
/// <param name="MatMuls">Matrix products whose constant weights became 8-bit.</param>
/// <param name="Lookups">Embedding tables (read by Gather) stored in 8 bits.</param>
/// <param name="QuantizedWeights">Weights (numbers) stored in 8 bits instead of 32.</param>
internal readonly record struct QuantizationSummary(int MatMuls, int Lookups, long QuantizedWeights);

/// <summary>
/// Dynamic int8 quantization of an ONNX model, as ONNX Runtime's own <c>quantize_dynamic</c> does it for MatMul:
/// each product <c>Y = A·W</c> with a constant 2-D float weight <c>W</c> becomes
/// <c>DynamicQuantizeLinear(A)</c> → <c>MatMulInteger(A₈, W₈)</c> → <c>Cast</c> → <c>Mul</c> by the two scales,
/// a pattern ONNX Runtime fuses into one integer kernel. Weights are quantized once, here, per output column;
/// activations per run. Weights in unsigned 8 bits (U8U8): signed weights (U8S8) can saturate on x86 CPUs without VNNI.
/// Large embedding tables read by Gather (the word-piece embeddings, half of these models' weights) are kept in 8
/// bits per row and turned back into floats for the rows a text looks up. Everything else is copied unchanged.
/// </summary>
internal static class DynamicQuantizer
{
    // onnx.proto field numbers.
    private const int ModelGraph = 7;
    private const int ModelOpsetImport = 8;
    private const int OpsetDomain = 1;
    private const int OpsetVersion = 2;
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;
    private const int NodeInput = 1;
    private const int NodeOutput = 2;
    private const int NodeName = 3;
    private const int NodeOpType = 4;
    private const int NodeAttribute = 5;
    private const int NodeDomain = 7;
    private const int TensorDims = 1;
    private const int TensorDataType = 2;
    private const int TensorFloatData = 4;
    private const int TensorName = 8;
    private const int TensorRawData = 9;
    private const int TensorDataLocation = 14;
    private const int AttributeName = 1;
    private const int AttributeInt = 3;
    private const int AttributeType = 20;
    private const int AttributeTypeInt = 2;

    // TensorProto.DataType.
    private const int FloatType = 1;
    private const int Uint8Type = 2;

    /// <summary>Smaller tables (positions, token types) are not worth the extra nodes.</summary>
    public const long MinLookupTable = 1 << 20;

    // DynamicQuantizeLinear and MatMulInteger need opset 11 of the default domain.
    private const int MinOpset = 11;

    /// <summary>The model with its MatMul weights in 8 bits.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model this can rewrite.</exception>
    /// <param name="minLookupTable">The fewest numbers an embedding table must hold to be quantized.</param>
    public static byte[] Quantize(ReadOnlyMemory<byte> model, out QuantizationSummary summary, long minLookupTable = MinLookupTable)
    {
        var modelFields = ProtoWire.Fields(model);
        var graphField = modelFields.SingleOrDefault(f => f.Number == ModelGraph);
        if (graphField.Number != ModelGraph)
        {
            throw new InvalidDataException("The ONNX model has no graph.");
        }

        RequireOpset(modelFields);
        var graphFields = ProtoWire.Fields(graphField.Payload);
        // In the order the graph lists them, so the rewrite below can walk them beside the fields.
        var initializerList = graphFields.Where(f => f.Number == GraphInitializer).Select(f => Tensor.Read(f.Payload)).ToList();
        var initializers = initializerList.ToDictionary(t => t.Name);
        var nodes = graphFields.Where(f => f.Number == GraphNode).Select(f => Node.Read(f.Payload)).ToList();

        // A 2-D float constant is rewritten only when every node that reads it reads it the one way handled here; a
        // constant also read elsewhere stays whole.
        var readers = nodes.SelectMany(n => n.Inputs.Select((input, slot) => (input, node: n, slot))).ToLookup(x => x.input);
        HashSet<string> ConstantsReadOnly(Func<Tensor, bool> wanted, Func<Node, int, bool> read) =>
            initializers.Values
                .Where(t => t is { DataType: FloatType, Dims.Count: 2, External: false } && wanted(t))
                .Where(t => readers[t.Name].Any() && readers[t.Name].All(r => r.node.Domain.Length == 0 && read(r.node, r.slot)))
                .Select(t => t.Name)
                .ToHashSet(StringComparer.Ordinal);

        // Weights: the second input of MatMuls. Embedding tables: large, with rows gathered (axis 0).
        var quantizable = ConstantsReadOnly(_ => true, (node, slot) => node.OpType == "MatMul" && slot == 1);
        var tables = ConstantsReadOnly(t => t.Dims[0] * t.Dims[1] >= minLookupTable, (node, slot) => node.OpType == "Gather" && slot == 0 && node.Axis == 0);

        // Sized once: the rewritten graph is smaller than the original, and these models are tens of megabytes.
        using var graph = new MemoryStream(graphField.Payload.Length);
        var quantizedInputs = new HashSet<string>(StringComparer.Ordinal);
        int matMuls = 0, lookups = 0, nodeIndex = 0, initializerIndex = 0;
        long weights = 0;
        foreach (var field in graphFields)
        {
            if (field.Number == GraphInitializer && initializerList[initializerIndex++].Name is var initializer && (quantizable.Contains(initializer) || tables.Contains(initializer)))
            {
                continue;
            }

            if (field.Number != GraphNode)
            {
                graph.Write(field.Encoded.Span);
                continue;
            }

            var node = nodes[nodeIndex++];
            if (node.OpType == "Gather" && node.Inputs.Count == 2 && tables.Contains(node.Inputs[0]))
            {
                WriteQuantizedGather(graph, node);
                lookups++;
                continue;
            }

            if (node.OpType != "MatMul" || node.Domain.Length != 0 || node.Inputs.Count != 2 || !quantizable.Contains(node.Inputs[1]))
            {
                graph.Write(field.Encoded.Span);
                continue;
            }

            WriteQuantizedMatMul(graph, node, quantizedInputs);
            matMuls++;
        }

        foreach (var name in quantizable)
        {
            var weight = initializers[name];
            WriteQuantizedWeight(graph, weight);
            weights += weight.Dims[0] * weight.Dims[1];
        }

        foreach (var name in tables)
        {
            var table = initializers[name];
            WriteQuantizedTable(graph, table);
            weights += table.Dims[0] * table.Dims[1];
        }

        // The model written straight into an array of its exact size: no growing buffer and no copy of it.
        var graphLength = (int)graph.Length;
        var size = modelFields.Where(f => f.Number != ModelGraph).Sum(f => f.Encoded.Length) + ProtoWire.LengthDelimitedSize(ModelGraph, graphLength);
        var bytes = new byte[size];
        using var output = new MemoryStream(bytes);
        foreach (var field in modelFields)
        {
            if (field.Number == ModelGraph)
            {
                ProtoWire.WriteBytes(output, ModelGraph, graph.GetBuffer().AsSpan(0, graphLength));
            }
            else
            {
                output.Write(field.Encoded.Span);
            }
        }

        summary = new QuantizationSummary(matMuls, lookups, weights);
        return bytes;
    }

    private static void RequireOpset(List<ProtoField> modelFields)
    {
        foreach (var opset in modelFields.Where(f => f.Number == ModelOpsetImport))
        {
            var fields = ProtoWire.Fields(opset.Payload);
            var domain = fields.FirstOrDefault(f => f.Number == OpsetDomain).Text;
            var version = (long)fields.FirstOrDefault(f => f.Number == OpsetVersion).Varint;
            if (domain is "" or "ai.onnx")
            {
                if (version < MinOpset)
                {
                    throw new InvalidDataException($"The ONNX model uses opset {version}; quantizing needs {MinOpset} or later.");
                }

                return;
            }
        }

        throw new InvalidDataException("The ONNX model imports no default-domain opset.");
    }

    /// <summary>Y = A·W as DynamicQuantizeLinear(A) (once per A), MatMulInteger, Cast to float and the scales' product.</summary>
    private static void WriteQuantizedMatMul(Stream graph, Node node, HashSet<string> quantizedInputs)
    {
        var (a, w, y) = (node.Inputs[0], node.Inputs[1], node.Outputs[0]);
        var (aQuantized, aScale, aZero) = (a + "_quantized", a + "_scale", a + "_zero_point");
        if (quantizedInputs.Add(a))
        {
            // The first product to read A quantizes it; Q, K and V of attention read the same A and share this.
            WriteNode(graph, "DynamicQuantizeLinear", a + "_QuantizeLinear", [a], [aQuantized, aScale, aZero]);
        }

        var name = node.Name.Length > 0 ? node.Name : y;
        WriteNode(graph, "MatMulInteger", name + "_quant", [aQuantized, w + "_quantized", aZero, w + "_zero_point"], [y + "_output_quantized"]);
        WriteNode(graph, "Cast", name + "_output_quantized_cast", [y + "_output_quantized"], [y + "_output_quantized_cast_output"], castTo: FloatType);
        WriteNode(graph, "Mul", name + "_scales_mul", [aScale, w + "_scale"], [y + "_scales_mul_output"]);
        WriteNode(graph, "Mul", name + "_output_scale_mul", [y + "_output_quantized_cast_output", y + "_scales_mul_output"], [y]);
    }

    /// <summary>
    /// W [K, N] in unsigned 8 bits, each output column over its own range (zero exactly representable), with the
    /// columns' scales and zero points: per column rather than per tensor, since a few columns of large weights would
    /// otherwise coarsen every other.
    /// </summary>
    private static void WriteQuantizedWeight(Stream graph, Tensor weight)
    {
        var values = weight.Floats();
        var (rows, columns) = ((int)weight.Dims[0], (int)weight.Dims[1]);
        var scales = new float[columns];
        var zeroPoints = new byte[columns];
        for (var c = 0; c < columns; c++)
        {
            float min = 0, max = 0;
            for (var r = 0; r < rows; r++)
            {
                min = Math.Min(min, values[(r * columns) + c]);
                max = Math.Max(max, values[(r * columns) + c]);
            }

            scales[c] = max > min ? (max - min) / 255f : 1f;
            zeroPoints[c] = (byte)Math.Clamp(MathF.Round(-min / scales[c]), 0, 255);
        }

        var quantized = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var c = i % columns;
            quantized[i] = (byte)Math.Clamp(MathF.Round(values[i] / scales[c]) + zeroPoints[c], 0, 255);
        }

        WriteTensor(graph, weight.Name + "_quantized", Uint8Type, [rows, columns], quantized);
        WriteTensor(graph, weight.Name + "_scale", FloatType, [columns], MemoryMarshal.AsBytes(scales.AsSpan()).ToArray());
        WriteTensor(graph, weight.Name + "_zero_point", Uint8Type, [columns], zeroPoints);
    }

    /// <summary>Y = Gather(T, ids) as the 8-bit rows gathered, made floats again with each row's scale and minimum.</summary>
    private static void WriteQuantizedGather(Stream graph, Node node)
    {
        var (table, ids, y) = (node.Inputs[0], node.Inputs[1], node.Outputs[0]);
        var name = node.Name.Length > 0 ? node.Name : y;
        WriteNode(graph, "Gather", name + "_rows_8bit", [table + "_quantized", ids], [y + "_rows_8bit"]);
        WriteNode(graph, "Cast", name + "_rows_cast", [y + "_rows_8bit"], [y + "_rows_float"], castTo: FloatType);
        WriteNode(graph, "Gather", name + "_rows_scale", [table + "_row_scale", ids], [y + "_rows_scale"]);
        WriteNode(graph, "Gather", name + "_rows_minimum", [table + "_row_minimum", ids], [y + "_rows_minimum"]);
        WriteNode(graph, "Mul", name + "_rows_scale_mul", [y + "_rows_float", y + "_rows_scale"], [y + "_rows_scaled"]);
        WriteNode(graph, "Add", name + "_rows_minimum_add", [y + "_rows_scaled", y + "_rows_minimum"], [y]);
    }

    /// <summary>A [rows, columns] table in unsigned 8 bits, each row over its own range: value = q × scale + minimum.</summary>
    private static void WriteQuantizedTable(Stream graph, Tensor table)
    {
        var values = table.Floats();
        var (rows, columns) = ((int)table.Dims[0], (int)table.Dims[1]);
        var quantized = new byte[values.Length];
        var scales = new float[rows];
        var minimums = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * columns, columns);
            float min = float.MaxValue, max = float.MinValue;
            foreach (var v in row)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            var scale = max > min ? (max - min) / 255f : 1f;
            (scales[r], minimums[r]) = (scale, min);
            for (var c = 0; c < columns; c++)
            {
                quantized[(r * columns) + c] = (byte)Math.Clamp(MathF.Round((row[c] - min) / scale), 0, 255);
            }
        }

        WriteTensor(graph, table.Name + "_quantized", Uint8Type, [rows, columns], quantized);
        WriteTensor(graph, table.Name + "_row_scale", FloatType, [rows, 1], MemoryMarshal.AsBytes(scales.AsSpan()).ToArray());
        WriteTensor(graph, table.Name + "_row_minimum", FloatType, [rows, 1], MemoryMarshal.AsBytes(minimums.AsSpan()).ToArray());
    }

    private static void WriteTensor(Stream graph, string name, int dataType, long[] dims, byte[] raw) =>
        ProtoWire.WriteMessage(graph, GraphInitializer, t =>
        {
            foreach (var dim in dims)
            {
                ProtoWire.WriteInt64(t, TensorDims, dim);
            }

            ProtoWire.WriteInt64(t, TensorDataType, dataType);
            ProtoWire.WriteString(t, TensorName, name);
            ProtoWire.WriteBytes(t, TensorRawData, raw);
        });

    private static void WriteNode(Stream graph, string opType, string name, string[] inputs, string[] outputs, int? castTo = null) =>
        ProtoWire.WriteMessage(graph, GraphNode, n =>
        {
            foreach (var input in inputs)
            {
                ProtoWire.WriteString(n, NodeInput, input);
            }

            foreach (var output in outputs)
            {
                ProtoWire.WriteString(n, NodeOutput, output);
            }

            ProtoWire.WriteString(n, NodeName, name);
            ProtoWire.WriteString(n, NodeOpType, opType);
            if (castTo is { } to)
            {
                ProtoWire.WriteMessage(n, NodeAttribute, a =>
                {
                    ProtoWire.WriteString(a, AttributeName, "to");
                    ProtoWire.WriteInt64(a, AttributeInt, to);
                    ProtoWire.WriteInt64(a, AttributeType, AttributeTypeInt);
                });
            }
        });

    /// <param name="Axis">The node's integer attribute "axis" (0 when absent).</param>
    private sealed record Node(string Name, string OpType, string Domain, List<string> Inputs, List<string> Outputs, long Axis)
    {
        public static Node Read(ReadOnlyMemory<byte> payload)
        {
            var fields = ProtoWire.Fields(payload);
            long axis = 0;
            foreach (var attribute in fields.Where(f => f.Number == NodeAttribute).Select(f => ProtoWire.Fields(f.Payload)))
            {
                if (attribute.FirstOrDefault(f => f.Number == AttributeName).Text == "axis")
                {
                    axis = (long)attribute.FirstOrDefault(f => f.Number == AttributeInt).Varint;
                }
            }

            return new Node(
                fields.FirstOrDefault(f => f.Number == NodeName).Text,
                fields.FirstOrDefault(f => f.Number == NodeOpType).Text,
                fields.FirstOrDefault(f => f.Number == NodeDomain).Text,
                [.. fields.Where(f => f.Number == NodeInput).Select(f => f.Text)],
                [.. fields.Where(f => f.Number == NodeOutput).Select(f => f.Text)],
                axis);
        }
    }

    private sealed record Tensor(string Name, int DataType, List<long> Dims, bool External, List<ProtoField> Fields)
    {
        public static Tensor Read(ReadOnlyMemory<byte> payload)
        {
            var fields = ProtoWire.Fields(payload);
            return new Tensor(
                fields.FirstOrDefault(f => f.Number == TensorName).Text,
                (int)fields.FirstOrDefault(f => f.Number == TensorDataType).Varint,
                ProtoWire.Int64s(fields, TensorDims),
                fields.Exists(f => f.Number == TensorDataLocation && f.Varint == 1),
                fields);
        }

        /// <summary>The values of a float tensor, from raw_data or float_data.</summary>
        public float[] Floats()
        {
            var raw = Fields.FirstOrDefault(f => f.Number == TensorRawData);
            if (raw.Number == TensorRawData)
            {
                var floats = new float[raw.Payload.Length / 4];
                var bytes = raw.Payload.Span;
                for (var i = 0; i < floats.Length; i++)
                {
                    floats[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
                }

                return floats;
            }

            var values = new List<float>();
            foreach (var field in Fields.Where(f => f.Number == TensorFloatData))
            {
                if (field.WireType == ProtoWire.Fixed32Type)
                {
                    values.Add(BinaryPrimitives.ReadSingleLittleEndian(field.Payload.Span));
                }
                else
                {
                    values.AddRange(MemoryMarshal.Cast<byte, float>(field.Payload.Span).ToArray());
                }
            }

            return [.. values];
        }
    }
}
