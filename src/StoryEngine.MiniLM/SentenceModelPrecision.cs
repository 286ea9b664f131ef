namespace StoryEngine.MiniLM;

/// <summary>How the sentence models' weights are held (setting <c>Stories:ModelPrecision</c>).</summary>
public enum SentenceModelPrecision
{
    /// <summary>As published: 32-bit floats. The default: the best measured answers.</summary>
    Float32,

    /// <summary>
    /// Matrix weights quantized to 8 bits as the models load (ONNX Runtime's dynamic quantization): about half the
    /// encoding time and less memory, for answers within a few questions of Float32's (see README).
    /// </summary>
    Int8,
}
