namespace StoryEngine.MiniLM;

/// <summary>How the sentence models' weights are held (setting <c>Stories:ModelPrecision</c>).</summary>
public enum SentenceModelPrecision
{
    /// <summary>Matrix weights quantized to 8 bits when the models load (ONNX Runtime's dynamic quantization).</summary>
    Int8,

    /// <summary>As published: 32-bit floats.</summary>
    Float32,
}
