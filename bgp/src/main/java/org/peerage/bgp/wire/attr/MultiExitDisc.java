package org.peerage.bgp.wire.attr;

/** MULTI_EXIT_DISC (RFC 4271 §5.1.4), an unsigned 32-bit value. */
public record MultiExitDisc(int flags, long value) implements PathAttribute {
    public MultiExitDisc {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("MED " + value);
        }
    }

    public static MultiExitDisc of(long value) {
        return new MultiExitDisc(AttributeType.MULTI_EXIT_DISC.category().flags(), value);
    }

    @Override
    public int typeCode() {
        return AttributeType.MULTI_EXIT_DISC.code();
    }
}
