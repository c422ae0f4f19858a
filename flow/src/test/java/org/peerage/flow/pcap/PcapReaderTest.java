package org.peerage.flow.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapReaderTest {
    private static final byte[] FRAME_A = {1, 2, 3, 4, 5};
    private static final byte[] FRAME_B = {9, 8, 7};

    private static List<PcapFrame> readAll(byte[] file) throws IOException {
        List<PcapFrame> frames = new ArrayList<>();
        try (PcapReader r = PcapReader.of(new java.io.BufferedInputStream(new ByteArrayInputStream(file)))) {
            PcapFrame f;
            while ((f = r.next()) != null) {
                frames.add(f);
            }
        }
        return frames;
    }

    /** A classic capture of two frames written by hand in the given byte order and resolution. */
    private static byte[] classic(ByteOrder order, boolean nanos) {
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + FRAME_A.length + 16 + FRAME_B.length).order(order);
        b.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(1);
        b.putInt(1_700_000_000).putInt(nanos ? 123_456_789 : 123_456).putInt(FRAME_A.length).putInt(60).put(FRAME_A);
        b.putInt(1_700_000_001).putInt(0).putInt(FRAME_B.length).putInt(FRAME_B.length).put(FRAME_B);
        return b.array();
    }

    @ParameterizedTest
    @CsvSource({"BIG_ENDIAN,false", "LITTLE_ENDIAN,false", "BIG_ENDIAN,true", "LITTLE_ENDIAN,true"})
    void classicInBothByteOrdersAndResolutions(String order, boolean nanos) throws IOException {
        ByteOrder o = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<PcapFrame> frames = readAll(classic(o, nanos));
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).data()).containsExactly(FRAME_A);
        assertThat(frames.get(0).originalLength()).isEqualTo(60);
        assertThat(frames.get(0).linkType()).isEqualTo(1);
        assertThat(frames.get(0).timestampNanos()).isEqualTo(1_700_000_000_000_000_000L
                + (nanos ? 123_456_789 : 123_456_000));
        assertThat(frames.get(1).data()).containsExactly(FRAME_B);
        assertThat(frames.get(1).offset()).isEqualTo(24 + 16 + FRAME_A.length);
    }

    @Test
    void truncatedFileKeepsTheWholeFramesAndNamesTheOffset() throws IOException {
        byte[] file = classic(ByteOrder.BIG_ENDIAN, false);
        byte[] cut = Arrays.copyOf(file, file.length - 1);
        List<PcapFrame> frames = new ArrayList<>();
        try (PcapReader r = PcapReader.of(new ByteArrayInputStream(cut))) {
            assertThatThrownBy(() -> {
                PcapFrame f;
                while ((f = r.next()) != null) {
                    frames.add(f);
                }
            }).isInstanceOf(PcapException.class).hasMessageContaining("truncated capture")
                    .hasMessageContaining("at byte offset " + (24 + 16 + FRAME_A.length));
        }
        assertThat(frames).hasSize(1);
    }

    @Test
    void notACaptureIsNamed() {
        assertThatThrownBy(() -> PcapReader.of(new ByteArrayInputStream(new byte[] {1, 2, 3, 4})))
                .isInstanceOf(PcapException.class).hasMessageContaining("not a pcap or pcapng file");
    }

    /** A pcapng section: header, an interface with nanosecond resolution, an enhanced and a simple packet. */
    private static byte[] pcapng(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(1024).order(order);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1)
                .putInt(28);
        // Interface description: Ethernet, snaplen 0, option if_tsresol = 9, end of options.
        b.putInt(1).putInt(32).putShort((short) 1).putShort((short) 0).putInt(0)
                .putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]).putInt(0).putInt(32);
        // A name resolution block to be skipped.
        b.putInt(4).putInt(16).putInt(0).putInt(16);
        long ts = 1_700_000_000_123_456_789L;
        int epbLength = 32 + 8;
        b.putInt(6).putInt(epbLength).putInt(0).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(FRAME_A.length)
                .putInt(FRAME_A.length).put(FRAME_A).put(new byte[3]).putInt(epbLength);
        b.putInt(3).putInt(16 + 4).putInt(FRAME_B.length).put(FRAME_B).put((byte) 0).putInt(16 + 4);
        return Arrays.copyOf(b.array(), b.position());
    }

    @ParameterizedTest
    @CsvSource({"BIG_ENDIAN", "LITTLE_ENDIAN"})
    void pcapng(String order) throws IOException {
        ByteOrder o = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<PcapFrame> frames = readAll(pcapng(o));
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).data()).containsExactly(FRAME_A);
        assertThat(frames.get(0).timestampNanos()).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(frames.get(0).linkType()).isEqualTo(1);
        assertThat(frames.get(1).data()).containsExactly(FRAME_B);
    }

    @Test
    void writerOutputReadsBackAndCompressedFilesAreRecognized() throws IOException {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        byte[] tcp = Frames.tcp(a, b, 1234, 80, 0x02, 10);
        byte[] udp = Frames.udp(a, b, 53, 5353, new byte[] {1, 2, 3});
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(plain, 1)) {
            w.write(5_000_000_123L, tcp);
            w.write(6_000_000_000L, udp);
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(plain.toByteArray());
        }
        java.nio.file.Path file = java.nio.file.Files.createTempFile("frames", ".pcap.gz");
        try {
            java.nio.file.Files.write(file, gz.toByteArray());
            try (PcapReader r = PcapReader.open(file.toString())) {
                PcapFrame first = r.next();
                assertThat(first.data()).containsExactly(tcp);
                assertThat(first.timestampNanos()).isEqualTo(5_000_000_123L);
                assertThat(r.next().data()).containsExactly(udp);
                assertThat(r.next()).isNull();
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(Frames.ipLength(tcp)).isEqualTo(20 + 20 + 10);
    }
}
