using System.Net.Sockets;
using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.Wire;

/// <summary>A multi-message AXFR from a real named, read with our TCP reader, against dig's view of the same transfer.</summary>
public sealed class AxfrMatchesDigTests(WireOracleFixture fixture) : IClassFixture<WireOracleFixture>
{
    [Fact]
    public async Task MultiMessageTransferMatchesDigRecordForRecord()
    {
        var origin = WireZones.Transfer.AbsoluteOrigin;
        var messages = await Transfer(origin);
        var dig = DigOutput.Parse(fixture.Server.Dig(["+noall", "+answer", "+stats", origin, "AXFR"]));

        var records = messages.SelectMany(message => message.Answers).ToList();
        Assert.True(messages.Count > 1, $"the transfer zone should need several messages, it took {messages.Count}");
        Assert.Equal(dig.TransferMessages, messages.Count);
        Assert.Equal(RecordType.SOA, records[0].Type);
        Assert.Equal(RecordType.SOA, records[^1].Type);
        LineSets.AssertSame(dig.Records, records.Select(record => PresentationLine.Normalize(record.ToString())), "AXFR of " + origin);
    }

    [Fact]
    public async Task TransferOfEveryRecordTypeMatchesDig()
    {
        var origin = WireZones.Types.AbsoluteOrigin;
        var messages = await Transfer(origin);
        var dig = DigOutput.Parse(fixture.Server.Dig(["+noall", "+answer", "+stats", origin, "AXFR"]));

        Assert.Equal(dig.TransferMessages, messages.Count);
        LineSets.AssertSame(dig.Records, messages.SelectMany(m => m.Answers).Select(record => PresentationLine.Normalize(record.ToString())), "AXFR of " + origin);
    }

    private async Task<List<DnsMessage>> Transfer(string origin)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(fixture.Server.EndPoint, timeout.Token);
        using var stream = client.GetStream();
        using var writer = new DnsTcpWriter(stream);
        using var reader = new DnsTcpReader(stream);
        var query = DnsMessage.CreateQuery((ushort)Random.Shared.Next(1, ushort.MaxValue), DnsName.Parse(origin), RecordType.AXFR);
        await writer.WriteAsync(query, timeout.Token);

        var messages = new List<DnsMessage>();
        await foreach (var message in reader.ReadAxfrAsync(timeout.Token))
        {
            Assert.Equal(query.Id, message.Id);
            messages.Add(message);
        }

        return messages;
    }
}
