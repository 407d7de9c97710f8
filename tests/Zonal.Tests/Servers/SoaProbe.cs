using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Zonal.Dns;

namespace Zonal.Tests.Servers;

/// <summary>
/// A minimal hand-built SOA query over UDP, used only to learn that a server has loaded a zone.
/// It relies on nothing but <see cref="DnsName"/> so the harness works before the message codec does.
/// </summary>
internal static class SoaProbe
{
    private const int HeaderLength = 12;

    /// <summary>True when the server answers NOERROR with the AA bit and at least one answer.</summary>
    public static bool Answers(IPEndPoint server, string origin, TimeSpan timeout)
    {
        var name = DnsName.Parse(origin);
        var query = new byte[HeaderLength + name.WireLength + 4];
        var id = (ushort)Random.Shared.Next(ushort.MaxValue);
        BinaryPrimitives.WriteUInt16BigEndian(query, id);
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(4), 1);
        name.Wire.CopyTo(query.AsSpan(HeaderLength));
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(HeaderLength + name.WireLength), (ushort)RecordType.SOA);
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(HeaderLength + name.WireLength + 2), 1);

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        try
        {
            socket.SendTo(query, server);
            var response = new byte[4096];
            var length = socket.Receive(response);
            if (length < HeaderLength || BinaryPrimitives.ReadUInt16BigEndian(response) != id)
            {
                return false;
            }

            var flags = BinaryPrimitives.ReadUInt16BigEndian(response.AsSpan(2));
            var authoritative = (flags & 0x0400) != 0;
            var rcode = flags & 0x000F;
            var answers = BinaryPrimitives.ReadUInt16BigEndian(response.AsSpan(6));
            return authoritative && rcode == 0 && answers > 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
