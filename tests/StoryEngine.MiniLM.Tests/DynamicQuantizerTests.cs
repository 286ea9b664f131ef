using Microsoft.ML.OnnxRuntime;
using StoryEngine.MiniLM.Onnx;

namespace StoryEngine.MiniLM.Tests;

public sealed class DynamicQuantizerTests
{
    private const int Vocabulary = TinyOnnxModel.Vocabulary;
    private const int Width = TinyOnnxModel.Width;
    private const int Outputs = TinyOnnxModel.Outputs;

    [Fact]
    public void A_quantized_model_computes_what_the_float_model_computes_within_8_bit_rounding()
    {
        var model = TinyOnnxModel.Build(sharedWeight: false);
        var quantized = DynamicQuantizer.Quantize(model, out var summary, minLookupTable: 1);

        Assert.Equal(2, summary.MatMuls);
        Assert.Equal(1, summary.Lookups);
        Assert.Equal((Vocabulary * Width) + (Width * Width) + (Width * Outputs), summary.QuantizedWeights);
        var expected = TinyOnnxModel.Run(model, [3, 17, 42]);
        var got = TinyOnnxModel.Run(quantized, [3, 17, 42]);
        Assert.Equal(expected.Length, got.Length);
        var scale = expected.Max(Math.Abs);
        Assert.All(expected.Zip(got), pair => Assert.True(Math.Abs(pair.First - pair.Second) < 0.03 * scale, $"{pair.First} against {pair.Second}"));
    }

    [Fact]
    public void Quantized_weights_take_about_a_quarter_of_the_bytes()
    {
        var model = TinyOnnxModel.Build(sharedWeight: false);
        var quantized = DynamicQuantizer.Quantize(model, out _, minLookupTable: 1);

        // 8 bits for 32, plus each embedding row's scale and minimum.
        Assert.InRange(quantized.Length, model.Length / 5, model.Length * 0.35);
    }

    [Fact]
    public void A_weight_that_another_node_also_reads_stays_in_floats()
    {
        // The second product's weight is also an output of the graph: that reader needs the floats.
        var model = TinyOnnxModel.Build(sharedWeight: true);
        var quantized = DynamicQuantizer.Quantize(model, out var summary, minLookupTable: 1);

        Assert.Equal(1, summary.MatMuls);
        var expected = TinyOnnxModel.Run(model, [1, 2, 3]);
        var got = TinyOnnxModel.Run(quantized, [1, 2, 3]);
        var scale = expected.Max(Math.Abs);
        Assert.All(expected.Zip(got), pair => Assert.True(Math.Abs(pair.First - pair.Second) < 0.03 * scale));
    }

    [Fact]
    public void Small_lookup_tables_are_left_alone()
    {
        var model = TinyOnnxModel.Build(sharedWeight: false);
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
        Assert.Throws<InvalidDataException>(() => DynamicQuantizer.Quantize(TinyOnnxModel.Build(sharedWeight: false, opset: 9), out _));
    }
}
