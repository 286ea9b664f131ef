using System.Net.Http.Headers;

namespace ChatAdapters.Testing;

/// <summary>How the adapter tests send a webhook POST the way a chat platform does: a body, its media type and signature headers.</summary>
public static class SignedPost
{
    /// <summary>
    /// POSTs <paramref name="content"/> as <paramref name="mediaType"/>; each header is sent only when its value is not
    /// null, so tests can leave out a signature or a timestamp on purpose.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, Uri endpoint, HttpContent content, string mediaType, params (string Name, string? Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await client.SendAsync(request);
    }
}
