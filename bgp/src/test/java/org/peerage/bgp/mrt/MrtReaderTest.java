package org.peerage.bgp.mrt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerage.bgp.testdata.SharedData;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class MrtReaderTest {
    /** The decompressed bytes of a real update file and the offsets where its records start. */
    static byte[] plain;
    static List<Long> recordStarts;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MrtInput.open(SharedData.file("mrt/bgpdump_updates.20160811.1600.gz").toString())) {
            plain = in.readAllBytes();
        }
        recordStarts = new ArrayList<>();
        try (MrtReader reader = new MrtReader(new ByteArrayInputStream(plain))) {
            MrtRecord r;
            while ((r = reader.next()) != null) {
                recordStarts.add(r.offset());
            }
        }
    }

    @Test
    void readsEveryRecordOfAPlainStream() {
        assertThat(recordStarts).hasSizeGreaterThan(1000);
        assertThat(recordStarts.getFirst()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 11, 12, 13, 100, 5000, 77777})
    void truncatedStreamYieldsEveryCompleteRecordThenTheOffsetOfTheCutOne(int cutAfterRecordStart) throws IOException {
        int index = Math.min(cutAfterRecordStart, recordStarts.size() - 1);
        long start = recordStarts.get(index);
        for (int extra : new int[] {1, 5, 12, 20}) {
            byte[] cut = Arrays.copyOf(plain, (int) start + extra);
            List<MrtRecord> got = new ArrayList<>();
            MrtReader reader = new MrtReader(new ByteArrayInputStream(cut));
            assertThatThrownBy(() -> {
                MrtRecord r;
                while ((r = reader.next()) != null) {
                    got.add(r);
                }
            }).isInstanceOfSatisfying(MrtException.class, e -> {
                assertThat(e.offset()).isEqualTo(start);
                assertThat(e.getMessage()).contains("truncated").contains("byte offset " + start);
            });
            assertThat(got).hasSize(index);
        }
    }

    @Test
    void implausibleLengthIsReportedAtItsRecord() {
        long start = recordStarts.get(3);
        byte[] damaged = plain.clone();
        damaged[(int) start + 8] = (byte) 0x7F;
        MrtReader reader = new MrtReader(new ByteArrayInputStream(damaged));
        assertThatThrownBy(() -> {
            while (reader.next() != null) {
                // read up to the damage
            }
        }).isInstanceOfSatisfying(MrtException.class, e -> {
            assertThat(e.offset()).isEqualTo(start);
            assertThat(e.getMessage()).contains("implausible MRT record length");
        });
    }

    @Test
    void concatenatedGzipMembersReadAsOneStream(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("twice.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 2; i++) {
                GZIPOutputStream gz = new GZIPOutputStream(out);
                gz.write(plain);
                gz.finish();
            }
        }
        assertThat(count(file)).isEqualTo(2L * recordStarts.size());
    }

    @Test
    void bzip2AndXzAreRecognizedByContentNotName(@TempDir Path dir) throws IOException {
        Path bz = dir.resolve("a.mrt");
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bz))) {
            out.write(plain);
        }
        Path xz = dir.resolve("b.mrt");
        try (OutputStream out = new XZOutputStream(Files.newOutputStream(xz), new LZMA2Options(1))) {
            out.write(plain);
        }
        assertThat(count(bz)).isEqualTo(recordStarts.size());
        assertThat(count(xz)).isEqualTo(recordStarts.size());
    }

    @Test
    void truncatedCompressedFileKeepsEverythingDecodedBeforeTheCut(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (OutputStream out = new BZip2CompressorOutputStream(packed)) {
            out.write(plain);
        }
        byte[] bytes = packed.toByteArray();
        Path cut = dir.resolve("cut.bz2");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 3 / 4));
        List<MrtRecord> got = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (MrtReader reader = MrtReader.open(cut.toString())) {
                MrtRecord r;
                while ((r = reader.next()) != null) {
                    got.add(r);
                }
            }
        }).isInstanceOf(MrtException.class).hasMessageContaining("byte offset");
        // bzip2 blocks are 900 kB of input: a cut at 3/4 of the file loses at most the block it falls in.
        assertThat(got.size()).isGreaterThan(recordStarts.size() / 4);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).offset()).isEqualTo(recordStarts.get(i));
        }
    }

    @Test
    void plainStreamIsPassedThrough() throws IOException {
        InputStream in = MrtInput.decompress(new BufferedInputStream(new ByteArrayInputStream(plain)));
        assertThat(in.readAllBytes()).isEqualTo(plain);
    }

    private static long count(Path file) throws IOException {
        long n = 0;
        try (MrtReader reader = MrtReader.open(file.toString())) {
            while (reader.next() != null) {
                n++;
            }
        }
        return n;
    }
}
