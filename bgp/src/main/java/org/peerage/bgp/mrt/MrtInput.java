package org.peerage.bgp.mrt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Opens an MRT source, plain or compressed, recognized by its magic bytes rather than its name: gzip (concatenated
 * members too), bzip2 (concatenated streams too), xz; "-" is standard input. Compressed streams are decompressed on
 * a thread of their own.
 */
public final class MrtInput {
    private static final int BUFFER = 1 << 16;

    private MrtInput() {
    }

    public static InputStream open(String name) throws IOException {
        InputStream raw;
        if (name.equals("-")) {
            raw = System.in;
        } else {
            Path path = Path.of(name);
            if (!Files.exists(path)) {
                throw new NoSuchFileException(name, null, "no such file");
            }
            raw = Files.newInputStream(path);
        }
        return decompress(new BufferedInputStream(raw, BUFFER));
    }

    /** Wraps a stream in the decompressor its first bytes call for; a plain stream is returned as is. */
    public static InputStream decompress(BufferedInputStream in) throws IOException {
        in.mark(6);
        byte[] magic = in.readNBytes(6);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
            return new PrefetchingInputStream(new GZIPInputStream(in, BUFFER));
        }
        if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
            return new PrefetchingInputStream(new SalvagingInputStream(new BZip2CompressorInputStream(in, true)));
        }
        if (magic.length >= 6 && (magic[0] & 0xFF) == 0xFD && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X'
                && magic[4] == 'Z' && magic[5] == 0) {
            return new PrefetchingInputStream(new SalvagingInputStream(new XZInputStream(in)));
        }
        return in;
    }
}
