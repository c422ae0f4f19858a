package org.peerage.bgp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerage.bgp.mrt.MrtDecoder;
import org.peerage.bgp.mrt.MrtReader;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.testdata.ExternalTool;
import org.peerage.bgp.testdata.SharedData;

/** The -m and -M text equal bgpdump's, byte for byte, on every real MRT file (bgpdump 1.6.2 from Debian is the oracle). */
class BgpdumpGoldenTest {

    static Stream<Path> mrtFiles() {
        return SharedData.mrtFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("mrtFiles")
    void machineReadableOutputEqualsBgpdump(Path file) throws Exception {
        Path bgpdump = ExternalTool.require("bgpdump", "bgpdump");
        byte[] expected = ExternalTool.run(List.of(bgpdump.toString(), "-m", file.toString()), 120);
        byte[] actual = dump(file, BgpdumpFormatter.Style.MACHINE);
        assertSameLines(file, actual, expected);
    }

    @ParameterizedTest
    @MethodSource("mrtFiles")
    void humanReadableOutputEqualsBgpdump(Path file) throws Exception {
        Path bgpdump = ExternalTool.require("bgpdump", "bgpdump");
        byte[] expected = ExternalTool.run(List.of(bgpdump.toString(), "-M", file.toString()), 120);
        assertSameLines(file, dump(file, BgpdumpFormatter.Style.HUMAN), expected);
    }

    /** Formats every readable record; the truncated samples end with an error that bgpdump also stops at. */
    static byte[] dump(Path file, BgpdumpFormatter.Style style) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AsciiSink sink = new AsciiSink(bytes); MrtReader reader = MrtReader.open(file.toString())) {
            BgpdumpFormatter formatter = new BgpdumpFormatter(sink, style);
            try {
                MrtRecord r;
                while ((r = reader.next()) != null) {
                    formatter.write(r, MrtDecoder.decode(r));
                }
            } catch (org.peerage.bgp.mrt.MrtException e) {
                assertThat(file.getFileName().toString()).as("only damaged samples may end in an error: %s",
                        e.getMessage()).containsAnyOf("firstMB", "truncated", "zero-length");
            }
        }
        return bytes.toByteArray();
    }

    static void assertSameLines(Path file, byte[] actual, byte[] expected) {
        if (java.util.Arrays.equals(actual, expected)) {
            assertThat(expected.length).as("bgpdump printed something for %s", file).isPositive();
            return;
        }
        String[] a = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        String[] e = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(a.length, e.length); i++) {
            assertThat(a[i]).as("line %d of %s", i + 1, file.getFileName()).isEqualTo(e[i]);
        }
        assertThat(a.length).as("line count of %s", file.getFileName()).isEqualTo(e.length);
    }
}
