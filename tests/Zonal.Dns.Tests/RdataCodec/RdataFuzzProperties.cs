using FsCheck;
using FsCheck.Xunit;

namespace Zonal.Dns.Tests.RdataCodec;

/// <summary>Whatever octets arrive, the codecs either accept them or throw <see cref="DnsFormatException"/>.</summary>
public class RdataFuzzProperties
{
    private static readonly RecordType[] Types = [.. RdataSamples.All.Select(s => s.Type), (RecordType)65280];

    private static void OnlyFormatErrors(Action action)
    {
        try
        {
            action();
        }
        catch (DnsFormatException)
        {
        }
    }

    /// <summary>Validate, then Format, Read and Write of what Validate accepted.</summary>
    private static void Exercise(RecordType type, byte[] data)
    {
        OnlyFormatErrors(() =>
        {
            Rdata.Validate(type, data);
            string text = Rdata.Format(type, data);
            Assert.Equal(data, Rdata.Parse(type, text));
            using var writer = new WireWriter();
            Rdata.Write(type, data, writer);
            var reader = new WireReader(writer.WrittenSpan);
            // Compression matches names case-insensitively, as BIND does, so a pointer may bring
            // back another spelling of the same name: equal as DNS compares RDATA.
            Assert.True(Rdata.DataEquals(type, data, Rdata.Read(type, ref reader, writer.Position)));
        });
        OnlyFormatErrors(() =>
        {
            var reader = new WireReader(data);
            Rdata.Read(type, ref reader, data.Length);
        });
    }

    [Property(MaxTest = 2000)]
    public void RandomOctetsRaiseOnlyFormatErrors(byte typeIndex, byte[] data) =>
        Exercise(Types[typeIndex % Types.Length], data);

    [Property(MaxTest = 3000)]
    public void MutatedValidRdataRaisesOnlyFormatErrors(byte sampleIndex, int position, byte value, byte cut)
    {
        var (type, _) = RdataSamples.All[sampleIndex % RdataSamples.All.Length];
        var data = RdataSamples.Wire(type);
        data[(int)((uint)position % data.Length)] = value;
        Exercise(type, data[..Math.Max(0, data.Length - (cut % 4))]);
    }

    [Property(MaxTest = 1000)]
    public void RandomTextRaisesOnlyFormatErrors(byte typeIndex, NonNull<string> text) =>
        OnlyFormatErrors(() => Rdata.Parse(Types[typeIndex % Types.Length], text.Get, RdataSamples.Origin));
}
