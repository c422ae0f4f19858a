import java.net.InetAddress;
import java.nio.file.Path;
import org.peerage.flow.pcap.Frames;
import org.peerage.flow.pcap.PcapWriter;

/**
 * Writes a capture of synthetic TCP traffic for the collector benchmark: FLOWS distinct 5-tuples (IPv4, from
 * 10.0.0.0/8 to 172.16.0.0/12) of PACKETS packets each, interleaved, one microsecond apart.
 * Usage: java -cp flow/target/classes GenerateTraffic.java OUT.pcap FLOWS PACKETS
 */
public class GenerateTraffic {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int flows = Integer.parseInt(args[1]);
        int packets = Integer.parseInt(args[2]);
        long t = 1_700_000_000_000_000_000L;
        try (PcapWriter w = PcapWriter.create(out, 1)) {
            for (int p = 0; p < packets; p++) {
                for (int f = 0; f < flows; f++) {
                    InetAddress src = InetAddress.getByAddress(new byte[] {10, (byte) (f >>> 16), (byte) (f >>> 8),
                        (byte) f});
                    InetAddress dst = InetAddress.getByAddress(new byte[] {(byte) 172, 16, (byte) (f >>> 8),
                        (byte) f});
                    w.write(t, Frames.tcp(src, dst, 1024 + (f & 0x7FFF), 443, 0x10, 100));
                    t += 1000;
                }
            }
        }
    }
}
