package org.peerage.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerage.bgp.mrt.MrtDecoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtReader;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.testdata.SharedData;

/** encode(decode(bytes)) == bytes for every UPDATE in every real MRT file. */
class UpdateRoundTripTest {

    static Stream<Path> mrtFiles() {
        return SharedData.mrtFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("mrtFiles")
    void everyWellFormedUpdateReencodesToItsBytes(Path file) throws IOException {
        long messages = 0;
        long updates = 0;
        long malformed = 0;
        try (MrtReader reader = MrtReader.open(file.toString())) {
            MrtRecord r;
            while ((r = nextOrEnd(reader)) != null) {
                if (!(MrtDecoder.decode(r) instanceof MrtEntry.Bgp4mpMessage m)) {
                    continue;
                }
                messages++;
                byte[] msg = m.message();
                if (msg.length < 19 || msg[18] != 2) {
                    continue;
                }
                updates++;
                CodecContext ctx = new CodecContext(m.as4(), m.addPath()
                        ? Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST) : Set.of(),
                        CodecContext.EXTENDED_MAX_LENGTH);
                DecodeResult<UpdateMessage> result = UpdateCodec.decode(msg, 19, msg.length - 19, ctx);
                if (!(result instanceof DecodeResult.Decoded<UpdateMessage> d) || !d.malformations().isEmpty()) {
                    malformed++;
                    continue;
                }
                byte[] body = Arrays.copyOfRange(msg, 19, msg.length);
                byte[] again = UpdateCodec.encodeBody(d.value(), ctx);
                if (!Arrays.equals(body, again)) {
                    assertThat(HexFormat.of().formatHex(again))
                            .as("re-encoded UPDATE at record offset %d of %s", r.offset(), file.getFileName())
                            .isEqualTo(HexFormat.of().formatHex(body));
                }
            }
        }
        assertThat(updates > 0 || messages == 0).as("UPDATEs found among %d BGP4MP messages", messages).isTrue();
        // Real collector data is nearly all well-formed; a decoder that rejects much of it is wrong.
        assertThat(malformed).as("malformed UPDATEs in %s", file.getFileName()).isLessThanOrEqualTo(updates / 1000);
    }

    /** The truncated sample files end mid-record: everything before the damage is what this test checks. */
    private static MrtRecord nextOrEnd(MrtReader reader) {
        try {
            return reader.next();
        } catch (IOException e) {
            return null;
        }
    }
}
