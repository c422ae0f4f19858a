package org.peerage.bgp.wire;

import java.util.Set;

/**
 * What the two speakers negotiated that changes the wire format: 2- or 4-octet AS numbers (RFC 6793), ADD-PATH
 * receive per family (RFC 7911), and the maximum message length (4,096, or 65,535 with RFC 8654).
 */
public record CodecContext(boolean fourOctetAs, Set<AddressFamily> addPath, int maxMessageLength) {
    public static final int STANDARD_MAX_LENGTH = 4096;
    public static final int EXTENDED_MAX_LENGTH = 65535;

    /** A modern session: 4-octet AS, no ADD-PATH, standard message size. */
    public static final CodecContext DEFAULT = new CodecContext(true, Set.of(), STANDARD_MAX_LENGTH);
    /** A session with a speaker that lacks the 4-octet AS capability. */
    public static final CodecContext TWO_OCTET_AS = new CodecContext(false, Set.of(), STANDARD_MAX_LENGTH);

    public CodecContext {
        addPath = Set.copyOf(addPath);
        if (maxMessageLength < 19 || maxMessageLength > EXTENDED_MAX_LENGTH) {
            throw new IllegalArgumentException("max message length " + maxMessageLength);
        }
    }

    public boolean addPath(AddressFamily family) {
        return addPath.contains(family);
    }

    public CodecContext withAddPath(Set<AddressFamily> families) {
        return new CodecContext(fourOctetAs, families, maxMessageLength);
    }

    public CodecContext withFourOctetAs(boolean fourOctet) {
        return new CodecContext(fourOctet, addPath, maxMessageLength);
    }

    public CodecContext withMaxMessageLength(int max) {
        return new CodecContext(fourOctetAs, addPath, max);
    }
}
