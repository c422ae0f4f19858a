package org.peerage.bgp.mrt;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a decompressor byte by byte so that a damaged or truncated stream gives up every byte decoded before the
 * damage: bzip2 and xz decoders throw from inside a bulk read and drop what they had already copied. The error is
 * raised on the read after the last good byte.
 */
final class SalvagingInputStream extends FilterInputStream {
    private IOException damage;

    SalvagingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (damage != null) {
            throw damage;
        }
        try {
            return in.read();
        } catch (IOException e) {
            damage = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (damage != null) {
            throw damage;
        }
        int n = 0;
        while (n < len) {
            int c;
            try {
                c = in.read();
            } catch (IOException e) {
                damage = e;
                if (n == 0) {
                    throw e;
                }
                return n;
            }
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            b[off + n++] = (byte) c;
        }
        return n;
    }
}
