using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.DnsServer;

namespace Zonal.Tests.DnsServer;

/// <summary>
/// A handler whose answer depends on the question name, so one listener can show every behaviour:
/// <c>one.test</c> one A record, <c>big.test</c> 100 A records, <c>stream.test</c> three messages,
/// <c>boom.test</c> throws, <c>silent.test</c> drops.
/// </summary>
internal sealed class ScriptedHandler : IDnsRequestHandler
{
    public int Handled;

    public async Task HandleAsync(DnsRequest request, IDnsResponder responder, CancellationToken ct)
    {
        Interlocked.Increment(ref Handled);
        var name = request.Message.Questions.Count == 1 ? request.Message.Questions[0].Name.ToString() : "";
        switch (name)
        {
            case "boom.test.":
                throw new InvalidOperationException("handler failure on purpose");
            case "silent.test.":
                return;
            case "stream.test.":
                for (int i = 0; i < 3; i++)
                {
                    await responder.SendAsync(Answer(request.Message, i, 1), ct);
                }

                return;
            case "big.test.":
                await responder.SendAsync(Answer(request.Message, 0, 100), ct);
                return;
            default:
                await responder.SendAsync(Answer(request.Message, 0, 1), ct);
                return;
        }
    }

    private static DnsMessage Answer(DnsMessage request, int first, int count)
    {
        var response = request.CreateResponse();
        response.IsAuthoritative = true;
        var question = request.Questions.Count > 0 ? request.Questions[0].Name : DnsName.Root;
        for (int i = 0; i < count; i++)
        {
            response.Answers.Add(new DnsRecord(question, RecordType.A, RecordClass.IN, 60, [192, 0, 2, (byte)(first + i)]));
        }

        return response;
    }
}
