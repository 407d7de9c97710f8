using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Tests.DnsServer;

namespace Zonal.Tests.MiniDns;

public sealed class MiniDnsAnswerTests(MiniDnsHost host) : IClassFixture<MiniDnsHost>
{
    [Fact]
    public async Task AnswersTheSoaOfAManagedZoneWithAa()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);

        var answer = MiniDnsClient.Udp(host.EndPoint, zone, RecordType.SOA);

        Assert.Equal(Rcode.NoError, answer.Rcode);
        Assert.True(answer.IsAuthoritative);
        var soa = Assert.Single(answer.Answers);
        Assert.Equal(RecordType.SOA, soa.Type);
        Assert.Equal((uint)await host.SerialAsync(id), MiniDnsClient.Serial(soa));
    }

    [Fact]
    public async Task AnswersAManagedRRsetAndRefusesEverythingElse()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        await host.AddRecordSetAsync(id, "www." + zone, "A", "192.0.2.1", "192.0.2.2");

        var www = MiniDnsClient.Udp(host.EndPoint, "www." + zone, RecordType.A);
        var missingName = MiniDnsClient.Udp(host.EndPoint, "nope." + zone, RecordType.A);
        var missingType = MiniDnsClient.Udp(host.EndPoint, "www." + zone, RecordType.AAAA);
        var unmanaged = MiniDnsClient.Udp(host.EndPoint, "unmanaged.example.", RecordType.SOA);

        Assert.True(www.IsAuthoritative);
        Assert.Equal(["192.0.2.1", "192.0.2.2"], www.Answers.Select(r => Rdata.Format(r.Type, r.Data)).Order());
        Assert.All(new[] { missingName, missingType, unmanaged }, a => Assert.Equal(Rcode.Refused, a.Rcode));
    }

    [Fact]
    public async Task RefusesTwoQuestionsAndOtherOpcodesAndAxfrOverUdp()
    {
        var zone = MiniDnsHost.NewZoneName();
        await host.CreateZoneAsync(zone);
        var two = DnsMessage.CreateQuery(1, DnsName.Parse(zone), RecordType.SOA);
        two.Questions.Add(two.Questions[0]);

        Assert.Equal(Rcode.Refused, ListenerClient.UdpQuery(host.EndPoint, two).Rcode);
        Assert.Equal(Rcode.Refused, MiniDnsClient.Udp(host.EndPoint, zone, RecordType.SOA, Opcode.Update).Rcode);
        Assert.Equal(Rcode.NotAuth, MiniDnsClient.Udp(host.EndPoint, zone, RecordType.SOA, Opcode.Notify).Rcode);
        Assert.Equal(Rcode.Refused, MiniDnsClient.Udp(host.EndPoint, zone, RecordType.AXFR).Rcode);
    }

    [Fact]
    public async Task TransfersAZoneOverSeveralMessagesWithTheSoaFirstAndLast()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        var texts = Enumerable.Range(0, 1000).Select(i => $"\"{i:D4} {new string('x', 90)}\"").ToArray();
        await host.AddRecordSetAsync(id, "txt." + zone, "TXT", texts);
        await host.AddRecordSetAsync(id, "www." + zone, "A", "192.0.2.9");

        var messages = await MiniDnsClient.TcpTransferAsync(host.EndPoint, DnsMessage.CreateQuery(7, DnsName.Parse(zone), RecordType.AXFR));
        var records = messages.SelectMany(m => m.Answers).ToList();

        Assert.True(messages.Count >= 2, $"{messages.Count} message(s)");
        Assert.All(messages, m => Assert.True(m.IsAuthoritative));
        Assert.Equal(RecordType.SOA, records[0].Type);
        Assert.Equal(RecordType.SOA, records[^1].Type);
        Assert.Equal(1000, records.Count(r => r.Type == RecordType.TXT));
        Assert.Single(records, r => r.Type == RecordType.A);
        Assert.Single(records, r => r.Type == RecordType.NS);
    }

    [Fact]
    public async Task DigReadsSoaAndAxfr()
    {
        var zone = MiniDnsHost.NewZoneName();
        var id = await host.CreateZoneAsync(zone);
        await host.AddRecordSetAsync(id, "mail." + zone, "MX", "10 mx1." + zone);

        var soa = MiniDnsClient.Dig(host.EndPoint, "+norec", zone, "SOA");
        var axfr = MiniDnsClient.Dig(host.EndPoint, "+onesoa", zone, "AXFR");

        Assert.True(soa.Succeeded, soa.Describe());
        Assert.Contains("flags: qr aa", soa.StandardOutput);
        Assert.Contains($"{await host.SerialAsync(id)} ", soa.StandardOutput);
        Assert.True(axfr.Succeeded, axfr.Describe());
        Assert.Contains($"mail.{zone}", axfr.StandardOutput);
        Assert.Contains($"10 mx1.{zone}", axfr.StandardOutput);
        Assert.DoesNotContain("Transfer failed", axfr.StandardOutput);
    }
}
