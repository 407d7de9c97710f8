using BenchmarkDotNet.Attributes;
using Zonal.Dns;
using Zonal.Dns.Messages;

namespace Zonal.Bench;

/// <summary>
/// Encoding and decoding a response of <see cref="RecordsPerMessage"/> mixed records; the
/// results are per record (OperationsPerInvoke), so they read as the cost of one record on the wire.
/// </summary>
[MemoryDiagnoser]
public class MessageBenchmarks
{
    private const int RecordsPerMessage = 100;
    private readonly WireWriter _writer = new(65535);
    private DnsMessage _message = null!;
    private byte[] _wire = [];

    [GlobalSetup]
    public void Setup()
    {
        var origin = DnsName.Parse("bench.example.");
        _message = DnsMessage.CreateQuery(1, origin, RecordType.AXFR).CreateResponse();
        (RecordType Type, string Text)[] samples =
        [
            (RecordType.A, "192.0.2.1"),
            (RecordType.AAAA, "2001:db8::1"),
            (RecordType.MX, "10 mail.bench.example."),
            (RecordType.TXT, "\"v=spf1 include:_spf.example.net ~all\""),
            (RecordType.SRV, "10 60 5060 sip.bench.example."),
        ];
        for (int i = 0; i < RecordsPerMessage; i++)
        {
            var (type, text) = samples[i % samples.Length];
            var owner = DnsName.Parse($"h{i / 5}.bench.example.");
            _message.Answers.Add(new DnsRecord(owner, type, RecordClass.IN, 3600, Rdata.Parse(type, text, origin)));
        }

        _wire = _message.Encode();
    }

    [Benchmark(OperationsPerInvoke = RecordsPerMessage)]
    public int Encode()
    {
        _message.Encode(_writer);
        return _writer.Position;
    }

    [Benchmark(OperationsPerInvoke = RecordsPerMessage)]
    public int Decode() => DnsMessage.Decode(_wire).Answers.Count;
}
