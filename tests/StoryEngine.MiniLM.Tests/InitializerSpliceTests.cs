using StoryEngine.MiniLM.Onnx;

namespace StoryEngine.MiniLM.Tests;

public sealed class InitializerSpliceTests
{
    [Fact]
    public void A_spliced_weight_computes_what_a_model_built_with_it_computes()
    {
        var doubled = TinyOnnxModel.Weights().W2.Select(w => 2 * w).ToArray();

        var spliced = InitializerSplice.Replace(TinyOnnxModel.Build(sharedWeight: false), new Dictionary<string, float[]> { ["w2"] = doubled });

        Assert.Equal(TinyOnnxModel.Run(TinyOnnxModel.Build(sharedWeight: false, w2: doubled), [5, 9, 11]), TinyOnnxModel.Run(spliced, [5, 9, 11]));
    }

    [Fact]
    public void Tensors_not_named_are_left_as_they_were()
    {
        var model = TinyOnnxModel.Build(sharedWeight: false);

        var spliced = InitializerSplice.Replace(model, new Dictionary<string, float[]>());

        Assert.Equal(model, spliced);
    }

    [Fact]
    public void A_name_the_model_lacks_or_values_of_the_wrong_size_are_refused()
    {
        var model = TinyOnnxModel.Build(sharedWeight: false);

        var missing = Assert.Throws<InvalidDataException>(() => InitializerSplice.Replace(model, new Dictionary<string, float[]> { ["w9"] = [1f] }));
        Assert.Contains("w9", missing.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => InitializerSplice.Replace(model, new Dictionary<string, float[]> { ["w2"] = [1f, 2f] }));
    }
}
