using System.Numerics;

namespace StoryEngine.Search;

internal static class VectorMath
{
    /// <summary>
    /// The dot product of two equally long spans: a candidate's score from its features and weights, and the cosine
    /// of two unit vectors. SIMD where the hardware has it, since sentence vectors have hundreds of dimensions.
    /// </summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var products = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                products += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            }

            sum = Vector.Sum(products);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
