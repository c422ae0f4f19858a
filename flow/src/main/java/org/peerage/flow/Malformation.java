package org.peerage.flow;

/** Why a datagram could not be decoded whole. */
public enum Malformation {
    /** Neither NetFlow v5/v9, IPFIX nor sFlow v5. */
    UNKNOWN_VERSION("not NetFlow v5/v9, IPFIX or sFlow v5"),
    /** Shorter than its header, or than the lengths it declares. */
    TRUNCATED("truncated"),
    /** A header field contradicts the datagram (IPFIX message length, v5 record count). */
    BAD_HEADER("bad header"),
    /** A set whose length is below its header or runs past the message. */
    BAD_SET("bad set length"),
    /** A template or options template that cannot be used (reserved id, zero length, runs past its set). */
    BAD_TEMPLATE("bad template"),
    /** A data record that runs past its set (variable-length fields). */
    BAD_RECORD("bad data record"),
    /** An sFlow sample or flow record whose length runs past its container. */
    BAD_SAMPLE("bad sFlow sample"),
    /** An sFlow agent or next-hop address of an unknown type. */
    BAD_ADDRESS_TYPE("bad address type"),
    /** More observation domains or templates than a real exporter has: refused so memory stays bounded. */
    LIMIT("template or observation domain limit reached");

    private final String text;

    Malformation(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
