using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Zonal.Dns.Messages;

namespace Zonal.Dns.Tests.Messages;

public class MessagePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400);

    [Fact]
    public void RandomValidMessagesRoundTrip()
    {
        var property = Prop.ForAll(MessageGenerators.Message.ToArbitrary(), message =>
        {
            var bytes = message.Encode();
            var decoded = DnsMessage.Decode(bytes);
            Assert.Equal(MessageGenerators.Describe(message), MessageGenerators.Describe(decoded));
            Assert.Equal(bytes, decoded.Encode());
        });

        Check.One(Runs, property);
    }

    [Fact]
    public void TruncatedEncodingStaysUnderTheLimitAndKeepsAPrefixOfEachSection()
    {
        var gen = from message in MessageGenerators.Message
                  from limit in Gen.Choose(512, 1200)
                  select (message, limit);
        var property = Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (message, limit) = input;
            message.IsTruncated = false;
            using var writer = new WireWriter();
            message.Encode(writer, limit);
            var fixedPart = DnsMessage.HeaderSize + message.Questions.Sum(q => q.Name.WireLength + 4) + (message.Edns?.WireLength ?? 0);
            Assert.True(writer.Position <= Math.Max(limit, fixedPart), $"{writer.Position} > {limit}");
            var decoded = DnsMessage.Decode(writer.WrittenSpan);
            Assert.Equal(decoded.Answers.Count < message.Answers.Count || decoded.Authority.Count < message.Authority.Count, decoded.IsTruncated);
            Assert.Equal(message.Additional.Take(decoded.Additional.Count).Select(r => r.Name), decoded.Additional.Select(r => r.Name));
            Assert.Equal(message.Answers.Take(decoded.Answers.Count).Select(r => r.Name), decoded.Answers.Select(r => r.Name));
        });

        Check.One(Runs, property);
    }

    [Fact]
    public Task RandomBytesOnlyEverRaiseFormatErrors() =>
        WithinTimeLimit(() =>
        {
            var gen = from header in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(4)
                      from counts in Gen.Choose(0, 3).ArrayOf(4)
                      from body in MessageGenerators.Bytes(300)
                      select (byte[])[.. header[..4], 0, (byte)counts[0], 0, (byte)counts[1], 0, (byte)counts[2], 0, (byte)counts[3], .. body];
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(gen.ToArbitrary(), DecodeOrFormatError));
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(MessageGenerators.Bytes(64).ToArbitrary(), DecodeOrFormatError));
        });

    [Fact]
    public Task MutatedMessagesOnlyEverRaiseFormatErrors() =>
        WithinTimeLimit(() =>
        {
            var gen = from message in MessageGenerators.Message
                      let bytes = message.Encode()
                      from mutations in Gen.Choose(1, 4)
                      from positions in Gen.Choose(0, bytes.Length - 1).ArrayOf(mutations)
                      from values in Gen.Elements<byte>(0x00, 0xC0, 0xC0, 0x3F, 0x40, 0xFF, 0x0C, 0x01).ArrayOf(mutations)
                      from cut in Gen.Choose(0, 3)
                      select Mutate(bytes, positions, values, cut);
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(gen.ToArbitrary(), DecodeOrFormatError));
        });

    [Fact]
    public async Task RandomTcpStreamsOnlyEverRaiseFormatErrors()
    {
        var random = new Random(1035);
        for (int i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            using var reader = new DnsTcpReader(new MemoryStream(bytes));
            try
            {
                await foreach (var message in reader.ReadMessagesAsync())
                {
                    Assert.NotNull(message);
                }
            }
            catch (DnsFormatException)
            {
            }
        }
    }

    private static byte[] Mutate(byte[] bytes, int[] positions, byte[] values, int cut)
    {
        var copy = (byte[])bytes.Clone();
        for (int i = 0; i < positions.Length; i++)
        {
            copy[positions[i]] = values[i];
        }

        return copy[..Math.Max(0, copy.Length - cut)];
    }

    private static void DecodeOrFormatError(byte[] bytes)
    {
        try
        {
            var message = DnsMessage.Decode(bytes);
            DnsMessage.Decode(message.Encode());
        }
        catch (DnsFormatException)
        {
        }

        try
        {
            DnsMessage.FindLastRecordOffset(bytes);
        }
        catch (DnsFormatException)
        {
        }
    }

    /// <summary>Runs the checks on another thread so a decoder that loops fails the test instead of hanging it.</summary>
    private static async Task WithinTimeLimit(Action checks)
    {
        var watch = Stopwatch.StartNew();
        var run = Task.Run(checks);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(finished == run, $"decoding did not finish within {watch.Elapsed}");
        await run;
    }
}
