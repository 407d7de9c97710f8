using Zonal.Dns;
using Zonal.Dns.Messages;
using Zonal.Dns.Tsig;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.Tsig;

/// <summary>Our TSIG against BIND's: each side signs, the other verifies, and failures get BIND's answers.</summary>
public class TsigBindTests(TsigNamedFixture fixture) : IClassFixture<TsigNamedFixture>
{
    public static TheoryData<string> Algorithms => new(TsigAlgorithm.All.Select(a => a.ShortName));

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void DigTransfersWithEachKey(string algorithm)
    {
        var key = TsigNamedFixture.Key(algorithm);
        var dig = fixture.Server.Dig("-y", $"{algorithm}:{key.Name}:{key.SecretBase64}", "AXFR", TsigNamedFixture.Zone);
        Assert.True(dig.Succeeded, dig.Describe());
        Assert.Contains("XFR size", dig.StandardOutput);
        Assert.DoesNotContain("Transfer failed", dig.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void BindAnswersOurSignedQueryAndWeVerifyItsAnswer(string algorithm)
    {
        var key = TsigNamedFixture.Key(algorithm);
        var (query, mac) = TsigExchange.Query(TsigNamedFixture.Zone, RecordType.SOA, new TsigSigner(key));
        var answer = TsigExchange.Udp(fixture.Server.EndPoint, query);

        Assert.Equal(Rcode.NoError, TsigExchange.RcodeOf(answer));
        var verification = TsigVerifier.VerifyResponse(answer, key, mac);
        Assert.True(verification.IsValid, verification.Reason);
        Assert.Single(DnsMessage.Decode(answer).Answers, r => r.Type == RecordType.SOA);
    }

    [Fact]
    public void WeRejectATamperedBindAnswer()
    {
        var key = TsigNamedFixture.Key("hmac-sha256");
        var (query, mac) = TsigExchange.Query(TsigNamedFixture.Zone, RecordType.SOA, new TsigSigner(key));
        var answer = TsigExchange.Udp(fixture.Server.EndPoint, query);
        Assert.True(TsigVerifier.VerifyResponse(answer, key, mac).IsValid);

        // Flip a bit in the SOA serial, just past the question.
        var tampered = (byte[])answer.Clone();
        tampered[^60] ^= 0x01;
        Assert.False(TsigVerifier.VerifyResponse(tampered, key, mac).IsValid);
    }

    [Fact]
    public void BindAnswersAWrongSecretWithBadSig()
    {
        var key = TsigNamedFixture.Key("hmac-sha256");
        var forged = new TsigKey(key.Name, key.Algorithm, new byte[32]);
        var (query, mac) = TsigExchange.Query(TsigNamedFixture.Zone, RecordType.SOA, new TsigSigner(forged));
        var answer = TsigExchange.Udp(fixture.Server.EndPoint, query);

        Assert.Equal(Rcode.NotAuth, TsigExchange.RcodeOf(answer));
        var verification = TsigVerifier.VerifyResponse(answer, forged, mac);
        Assert.Equal(TsigError.BadSig, verification.Error);
        Assert.Equal(0, verification.Record!.Value.MacLength);
    }

    [Fact]
    public void BindAnswersAnUnknownKeyWithBadKey()
    {
        var stranger = new TsigKey(DnsName.Parse("stranger.key."), TsigAlgorithm.HmacSha256, new byte[32]);
        var (query, mac) = TsigExchange.Query(TsigNamedFixture.Zone, RecordType.SOA, new TsigSigner(stranger));
        var answer = TsigExchange.Udp(fixture.Server.EndPoint, query);
        Assert.Equal(Rcode.NotAuth, TsigExchange.RcodeOf(answer));
        Assert.Equal(TsigError.BadKey, TsigVerifier.VerifyResponse(answer, stranger, mac).Error);
    }

    [Fact]
    public void BindAnswersAStaleSignatureWithSignedBadTime()
    {
        var key = TsigNamedFixture.Key("hmac-sha512");
        var past = new ShiftedClock(TimeSpan.FromHours(-2));
        var (query, mac) = TsigExchange.Query(TsigNamedFixture.Zone, RecordType.SOA, new TsigSigner(key, past));
        var answer = TsigExchange.Udp(fixture.Server.EndPoint, query);

        Assert.Equal(Rcode.NotAuth, TsigExchange.RcodeOf(answer));
        var verification = TsigVerifier.VerifyResponse(answer, key, mac, past);
        Assert.Equal(TsigError.BadTime, verification.Error);
        Assert.NotEmpty(verification.Mac);
        Assert.Equal(6, verification.Record!.Value.OtherDataLength);
    }

    [Fact]
    public async Task BindRefusesOurUnsignedTransfer()
    {
        var (query, _) = TsigExchange.Query(TsigNamedFixture.Zone, RecordType.AXFR, signer: null);
        var answers = await TsigExchange.TcpAsync(fixture.Server.EndPoint, query, _ => true);
        Assert.Equal(Rcode.Refused, TsigExchange.RcodeOf(Assert.Single(answers)));
    }

    [Theory]
    [InlineData("hmac-sha224")]
    [InlineData("hmac-sha256")]
    [InlineData("hmac-md5")]
    public async Task BindsMultiMessageTransferVerifiesAsAStream(string algorithm)
    {
        var key = TsigNamedFixture.Key(algorithm);
        var (query, mac) = TsigExchange.Query(TsigNamedFixture.Zone, RecordType.AXFR, new TsigSigner(key));
        int soaSeen = 0;
        var messages = await TsigExchange.TcpAsync(fixture.Server.EndPoint, query, received =>
        {
            var last = DnsMessage.Decode(received[^1]);
            soaSeen += last.Answers.Count(r => r.Type == RecordType.SOA);
            return soaSeen >= 2 || last.Rcode != Rcode.NoError;
        });

        Assert.True(messages.Count > 1, $"the transfer came in {messages.Count} message(s); the zone should need several");
        Assert.Equal(TsigNamedFixture.TxtRecords + 4, messages.Sum(m => DnsMessage.Decode(m).Answers.Count));
        using var verifier = new TsigStreamVerifier(key, mac);
        foreach (var message in messages)
        {
            var result = verifier.Verify(message);
            Assert.False(result.IsFailure, result.Reason);
        }

        Assert.True(verifier.LastWasSigned);
    }

    [Fact]
    public async Task TamperedMessageInBindsTransferFailsTheStream()
    {
        var key = TsigNamedFixture.Key("hmac-sha384");
        var (query, mac) = TsigExchange.Query(TsigNamedFixture.Zone, RecordType.AXFR, new TsigSigner(key));
        int soaSeen = 0;
        var messages = await TsigExchange.TcpAsync(fixture.Server.EndPoint, query, received =>
        {
            soaSeen += DnsMessage.Decode(received[^1]).Answers.Count(r => r.Type == RecordType.SOA);
            return soaSeen >= 2;
        });

        // A TXT octet in the middle of the second message.
        messages[1][messages[1].Length / 2] ^= 0x01;
        using var verifier = new TsigStreamVerifier(key, mac);
        Assert.True(verifier.Verify(messages[0]).IsValid);
        Assert.True(verifier.Verify(messages[1]).IsFailure);
    }

    [Fact]
    public void DigAcceptsOurKeyFile()
    {
        var key = TsigNamedFixture.Key("hmac-sha1");
        var path = Path.Combine(fixture.Server.Directory, "client-sha1.key");
        File.WriteAllText(path, TsigKeyFile.Format([key]));
        var dig = fixture.Server.Dig("-k", path, "AXFR", TsigNamedFixture.Zone);
        Assert.True(dig.Succeeded, dig.Describe());
        Assert.Contains("XFR size", dig.StandardOutput);
    }

    [Fact]
    public void NsupdateSignsWithOurKeyFileAndBindAppliesTheUpdate()
    {
        var key = TsigNamedFixture.Key("hmac-sha256");
        var keyFile = fixture.Server.WriteFile("update.key", TsigKeyFile.Format([key]));
        var commands = fixture.Server.WriteFile("update.txt", $"""
            server 127.0.0.1 {fixture.Server.Port}
            zone {TsigNamedFixture.DynamicZone}
            update add added.{TsigNamedFixture.DynamicZone} 60 A 192.0.2.99
            send

            """);
        var nsupdate = ProcessRunner.Run(BindTools.Require("nsupdate", "bind9-dnsutils"), ["-k", keyFile, commands], TimeSpan.FromSeconds(30));
        Assert.True(nsupdate.Succeeded, nsupdate.Describe());
        var dig = fixture.Server.Dig("+short", $"added.{TsigNamedFixture.DynamicZone}", "A");
        Assert.Equal("192.0.2.99", dig.StandardOutput.Trim());
    }

    [Fact]
    public void NsupdateWithAWrongSecretIsRefused()
    {
        var key = TsigNamedFixture.Key("hmac-sha256");
        var forged = new TsigKey(key.Name, key.Algorithm, new byte[32]);
        var keyFile = fixture.Server.WriteFile("forged.key", TsigKeyFile.Format([forged]));
        var commands = fixture.Server.WriteFile("forged.txt", $"""
            server 127.0.0.1 {fixture.Server.Port}
            zone {TsigNamedFixture.DynamicZone}
            update add forged.{TsigNamedFixture.DynamicZone} 60 A 192.0.2.98
            send

            """);
        var nsupdate = ProcessRunner.Run(BindTools.Require("nsupdate", "bind9-dnsutils"), ["-k", keyFile, commands], TimeSpan.FromSeconds(30));
        Assert.False(nsupdate.Succeeded, nsupdate.Describe());
        Assert.Empty(fixture.Server.Dig("+short", $"forged.{TsigNamedFixture.DynamicZone}", "A").StandardOutput.Trim());
    }

    [Fact]
    public void WeReadTsigKeygenOutputAndBindAcceptsTheKeySigningWithIt()
    {
        var keygen = ProcessRunner.Run(BindTools.TsigKeygen, "-a", "hmac-sha256", "keygen-probe.key");
        Assert.True(keygen.Succeeded, keygen.Describe());
        var parsed = Assert.Single(TsigKeyFile.Parse(keygen.StandardOutput, "tsig-keygen output"));
        Assert.Equal(DnsName.Parse("keygen-probe.key."), parsed.Name);
        Assert.Same(TsigAlgorithm.HmacSha256, parsed.Algorithm);
        Assert.Equal(32, parsed.Secret.Length);
        Assert.Equal(keygen.StandardOutput.Trim(), TsigKeyFile.Format([parsed]).Trim());
    }

    /// <summary>The system clock moved by a fixed offset, as a client with a wrong clock would have.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
