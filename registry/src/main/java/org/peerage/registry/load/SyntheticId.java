package org.peerage.registry.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Ids for rows that an IX-F export implies (its VLANs, members, ports): derived from the export and the element's
 * natural key, so a re-import gives the same element the same id. They are negative, below -2^31 (clear of
 * PeeringDB's positive ids and the small negative ids of IX-F-only exchanges), and above -2^53, so JSON readers
 * that hold numbers as doubles keep them exact.
 */
final class SyntheticId {
    private static final long SPAN = 1L << 52;

    private SyntheticId() {
    }

    static long of(Object... key) {
        StringBuilder text = new StringBuilder();
        for (Object part : key) {
            text.append(part).append('\u001f');
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            long h = ByteBuffer.wrap(sha).getLong() & (SPAN - 1);
            return -(1L << 31) - 1 - h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
