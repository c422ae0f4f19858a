package org.peerage.bgp.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerage.bgp.testdata.SharedData;

/** Every record of every real MRT file decodes and re-encodes to its own bytes. */
class MrtRoundTripTest {

    static Stream<Path> mrtFiles() {
        return SharedData.mrtFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("mrtFiles")
    void everyRecordReencodesToItsBytes(Path file) throws IOException {
        long checked = 0;
        try (MrtReader reader = MrtReader.open(file.toString())) {
            MrtRecord r;
            while ((r = next(reader)) != null) {
                MrtEntry e = MrtDecoder.decode(r);
                assertThat(e).as("record at offset %d", r.offset())
                        .isNotInstanceOf(MrtEntry.Corrupt.class).isNotInstanceOf(MrtEntry.Unsupported.class);
                if (hasMalformedAttributes(e)) {
                    continue;
                }
                byte[] again = MrtEncoder.body(e);
                if (!java.util.Arrays.equals(again, r.body())) {
                    assertThat(HexFormat.of().formatHex(again)).as("record at offset %d of %s", r.offset(),
                            file.getFileName()).isEqualTo(HexFormat.of().formatHex(r.body()));
                }
                assertThat(MrtEncoder.subtype(e)).isEqualTo(r.subtype());
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    private static boolean hasMalformedAttributes(MrtEntry e) {
        return switch (e) {
            case MrtEntry.RibTable t -> t.entries().stream().anyMatch(x -> !x.malformations().isEmpty());
            case MrtEntry.TableDump t -> !t.malformations().isEmpty();
            default -> false;
        };
    }

    private static MrtRecord next(MrtReader reader) {
        try {
            return reader.next();
        } catch (IOException truncatedSample) {
            return null;
        }
    }
}
