package org.peerage.bgp.mrt;

/** MRT record types peerage reads (RFC 6396 §4); others are skipped by number. */
public enum MrtType {
    TABLE_DUMP(12), TABLE_DUMP_V2(13), BGP4MP(16), BGP4MP_ET(17);

    private final int code;

    MrtType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type, or null for one peerage does not read (OSPF, ISIS, legacy types). */
    public static MrtType of(int code) {
        return switch (code) {
            case 12 -> TABLE_DUMP;
            case 13 -> TABLE_DUMP_V2;
            case 16 -> BGP4MP;
            case 17 -> BGP4MP_ET;
            default -> null;
        };
    }
}
