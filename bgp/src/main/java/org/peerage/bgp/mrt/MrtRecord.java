package org.peerage.bgp.mrt;

/**
 * One MRT record as framed: the common header and the body bytes (RFC 6396 §2). For the _ET types the microsecond
 * field has been taken out of the body into {@code microseconds} (RFC 6396 §3).
 *
 * @param offset       byte offset of the record in the decompressed stream, for error messages
 * @param timestamp    seconds since the epoch, unsigned
 * @param microseconds the extended timestamp's microseconds, or -1 for types without one
 */
public record MrtRecord(long offset, long timestamp, int microseconds, int type, int subtype, byte[] body) {

    public MrtType knownType() {
        return MrtType.of(type);
    }

    public boolean extendedTimestamp() {
        return microseconds >= 0;
    }
}
