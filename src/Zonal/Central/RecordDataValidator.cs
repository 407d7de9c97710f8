using Zonal.Dns;
using Zonal.Domain;

namespace Zonal.Central;

/// <summary>
/// The one place record data is judged: Designate's API formats first, then the DNS library's codec,
/// so whatever is stored can later be served on the wire.
/// </summary>
public static class RecordDataValidator
{
    /// <summary>Throws invalid_object naming every bad record by its index in <paramref name="records"/>.</summary>
    public static void Validate(string type, IReadOnlyList<string> records)
    {
        var errors = new List<FieldError>();
        for (int i = 0; i < records.Count; i++)
        {
            var problem = Problem(type, records[i]);
            if (problem is not null)
            {
                // Designate names the type in a one-item list here, unlike its JSON-schema errors.
                errors.Add(new FieldError(["records", i], $"'{records[i]}' is not a '{type}' Record: {problem}", "format", new[] { type }));
            }
        }

        if (errors.Count > 0)
        {
            throw ServiceError.Schema([.. errors]);
        }
    }

    /// <summary>Why <paramref name="data"/> is not a valid <paramref name="type"/> record, or null when it is.</summary>
    public static string? Problem(string type, string data) => RecordDataRules.Check(type, data) ?? CheckWireForm(type, data);

    private static string? CheckWireForm(string type, string data)
    {
        var recordType = RecordTypeNames.Parse(type);
        if (!Rdata.HasKnownFormat(recordType))
        {
            return null;
        }

        try
        {
            Rdata.Parse(recordType, RecordText.ToZoneFile(type, data));
            return null;
        }
        catch (DnsFormatException e)
        {
            return e.Message;
        }
    }
}
