package org.peerage.bgp.wire.attr;

/** Path attribute type codes peerage understands, with the flags their definition requires. */
public enum AttributeType {
    ORIGIN(1, Category.WELL_KNOWN),
    AS_PATH(2, Category.WELL_KNOWN),
    NEXT_HOP(3, Category.WELL_KNOWN),
    MULTI_EXIT_DISC(4, Category.OPTIONAL_NON_TRANSITIVE),
    LOCAL_PREF(5, Category.WELL_KNOWN),
    ATOMIC_AGGREGATE(6, Category.WELL_KNOWN),
    AGGREGATOR(7, Category.OPTIONAL_TRANSITIVE),
    COMMUNITIES(8, Category.OPTIONAL_TRANSITIVE),
    ORIGINATOR_ID(9, Category.OPTIONAL_NON_TRANSITIVE),
    CLUSTER_LIST(10, Category.OPTIONAL_NON_TRANSITIVE),
    MP_REACH_NLRI(14, Category.OPTIONAL_NON_TRANSITIVE),
    MP_UNREACH_NLRI(15, Category.OPTIONAL_NON_TRANSITIVE),
    EXTENDED_COMMUNITIES(16, Category.OPTIONAL_TRANSITIVE),
    AS4_PATH(17, Category.OPTIONAL_TRANSITIVE),
    AS4_AGGREGATOR(18, Category.OPTIONAL_TRANSITIVE),
    LARGE_COMMUNITY(32, Category.OPTIONAL_TRANSITIVE),
    ONLY_TO_CUSTOMER(35, Category.OPTIONAL_TRANSITIVE);

    /** The optional and transitive bits an attribute's definition fixes (RFC 4271 §5, RFC 7606 §3 d). */
    public enum Category {
        WELL_KNOWN(AttributeFlags.TRANSITIVE),
        OPTIONAL_TRANSITIVE(AttributeFlags.OPTIONAL | AttributeFlags.TRANSITIVE),
        OPTIONAL_NON_TRANSITIVE(AttributeFlags.OPTIONAL);

        private final int flags;

        Category(int flags) {
            this.flags = flags;
        }

        /** The optional and transitive bits as they must be sent. */
        public int flags() {
            return flags;
        }
    }

    private static final AttributeType[] BY_CODE = new AttributeType[256];
    static {
        for (AttributeType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final Category category;

    AttributeType(int code, Category category) {
        this.code = code;
        this.category = category;
    }

    public int code() {
        return code;
    }

    public Category category() {
        return category;
    }

    /** The type for a code, or null if peerage does not know it. */
    public static AttributeType of(int code) {
        return BY_CODE[code & 0xFF];
    }
}
