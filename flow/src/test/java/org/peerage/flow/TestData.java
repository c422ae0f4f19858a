package org.peerage.flow;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.peerage.flow.packet.LinkType;
import org.peerage.flow.packet.PacketParser;
import org.peerage.flow.packet.ParsedPacket;
import org.peerage.flow.pcap.PcapFrame;
import org.peerage.flow.pcap.PcapReader;

/**
 * The real exporter captures in ../shared/data/flow, read in place; without that folder the tests that need them
 * are skipped, except under CI (CI=true) where it is a failure. Also finds external tools the same way.
 */
public final class TestData {
    /** A UDP datagram from a capture: its sender and payload. */
    public record Datagram(InetAddress source, int port, byte[] payload, long timeMillis) {
    }

    private TestData() {
    }

    public static Path root() {
        Path project = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path data = project.resolveSibling("shared").resolve("data");
        if (!Files.isDirectory(data)) {
            missing("real data folder " + data + " is missing (expected ../shared/data beside the checkout)");
        }
        return data;
    }

    public static Path flowFile(String relative) {
        Path p = root().resolve("flow/akvorado").resolve(relative);
        if (!Files.exists(p)) {
            Assertions.fail("expected shared data file " + p);
        }
        return p;
    }

    /** The UDP datagrams of a capture in shared/data/flow/akvorado. */
    public static List<Datagram> datagrams(String relative) throws IOException {
        List<Datagram> out = new ArrayList<>();
        ParsedPacket p = new ParsedPacket();
        try (PcapReader reader = PcapReader.open(flowFile(relative).toString())) {
            PcapFrame frame;
            while ((frame = reader.next()) != null) {
                PacketParser.parse(LinkType.of(frame.linkType()), frame.data(), 0, frame.data().length, p);
                if (p.protocol == 17 && p.udpPayloadOffset >= 0) {
                    out.add(new Datagram(FlowBatch.address(p.family, p.srcHi, p.srcLo), p.srcPort,
                            Arrays.copyOfRange(frame.data(), p.udpPayloadOffset,
                                    p.udpPayloadOffset + p.udpPayloadLength), frame.timestampNanos() / 1_000_000));
                }
            }
        }
        return out;
    }

    /** An installed program, or the test is skipped with the install hint (a failure under CI). */
    public static Path tool(String name, String debianPackage) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        missing(name + " is not installed (apt-get install " + debianPackage + ")");
        return null;
    }

    private static void missing(String message) {
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}
