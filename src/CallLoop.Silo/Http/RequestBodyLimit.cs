using CallLoop.Silo.Hosting;

namespace CallLoop.Silo.Http;

/// <summary>
/// Refuses bodies over <see cref="HttpApiExtensions.MaxRequestBodyBytes"/> with a 413 problem, whatever the
/// server: Kestrel enforces its own limit, but in-process hosts (TestServer) do not, and chunked bodies
/// carry no length to check up front.
/// </summary>
internal static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.ContentLength > HttpApiExtensions.MaxRequestBodyBytes)
        {
            throw TooLarge();
        }

        if (request.ContentLength is null && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)))
        {
            request.Body = await BufferAsync(request.Body, context.RequestAborted);
        }

        await next(context);
    });

    private static async Task<Stream> BufferAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > HttpApiExtensions.MaxRequestBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static BadHttpRequestException TooLarge() =>
        new("The request body is larger than the API accepts.", StatusCodes.Status413PayloadTooLarge);
}
