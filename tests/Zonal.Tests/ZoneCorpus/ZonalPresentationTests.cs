using Zonal.Dns;
using Zonal.Tests.Oracle;

namespace Zonal.Tests.ZoneCorpus;

/// <summary>
/// Our RDATA presentation is BIND's: every record of BIND's dump of a good corpus file, parsed by
/// <see cref="Rdata.Parse(RecordType, string, DnsName?)"/> and formatted again by <see cref="Rdata.Format"/>,
/// reads exactly as BIND printed it.
/// </summary>
public sealed class ZonalPresentationTests
{
    [Theory]
    [MemberData(nameof(CorpusFile.Good), MemberType = typeof(CorpusFile))]
    public void FormattingBindsDumpGivesBindsText(string relativePath)
    {
        var file = new CorpusFile(relativePath);
        var dump = NamedCheckZone.Dump(file.Origin, file.FileName, file.Directory);

        var differences = new List<string>();
        foreach (var line in dump)
        {
            var fields = line.Split(' ', 5);
            var type = RecordTypeNames.Parse(fields[3]);
            var bindText = fields.Length > 4 ? fields[4] : "";
            string ours;
            try
            {
                ours = PresentationLine.Normalize(Rdata.Format(type, Rdata.Parse(type, bindText)));
            }
            catch (DnsFormatException e)
            {
                ours = "(rejected: " + e.Message + ")";
            }

            if (ours != bindText)
            {
                differences.Add($"{fields[0]} {fields[3]}\n    BIND:  {bindText}\n    zonal: {ours}");
            }
        }

        Assert.True(differences.Count == 0, $"{relativePath}: our presentation differs from BIND's\n{string.Join('\n', differences)}");
    }
}
