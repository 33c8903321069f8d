using System.Text;
using Microsoft.Net.Http.Headers;

namespace CallLoop.Silo.Reports;

/// <summary>
/// A CSV answer written to the response row by row as its rows come (from a database reader, or from a page already
/// read), flushed every few hundred rows: never built as one string or byte array, so a large export holds one row
/// in memory, not the file, and the caller receives the first rows while the last are still being read.
/// </summary>
public sealed class CsvFile : IResult
{
    private const int RowsPerFlush = 256;

    private readonly string fileName;
    private readonly IReadOnlyList<string> header;
    private readonly IAsyncEnumerable<object?[]> rows;

    internal CsvFile(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows) =>
        (this.fileName, this.header, this.rows) = (fileName, header, rows);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.ContentType = CsvText.MediaType + "; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvText.Line(header));
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(CsvText.Line(row));
            if (++written % RowsPerFlush == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }
}
