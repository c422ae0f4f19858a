package org.peerage.policy.rtr.pdu;

import java.util.Arrays;
import java.util.HexFormat;
import org.peerage.bgp.wire.Prefix;

/**
 * One RPKI-to-Router PDU (RFC 8210 §5, RFC 6810 §5 for version 0), as decoded from or encoded to the wire by
 * {@link PduCodec}. Fields the RFC shows as zero are not kept: they are written as zero and ignored on receipt.
 */
public sealed interface Pdu {
    int VERSION_0 = 0;
    int VERSION_1 = 1;

    int version();

    PduType type();

    /** The cache tells the router it has new data (§5.2). */
    record SerialNotify(int version, int sessionId, long serial) implements Pdu {
        public SerialNotify {
            check(version, sessionId, serial);
        }

        @Override
        public PduType type() {
            return PduType.SERIAL_NOTIFY;
        }
    }

    /** The router asks for the changes since {@code serial} (§5.3). */
    record SerialQuery(int version, int sessionId, long serial) implements Pdu {
        public SerialQuery {
            check(version, sessionId, serial);
        }

        @Override
        public PduType type() {
            return PduType.SERIAL_QUERY;
        }
    }

    /** The router asks for the whole data set (§5.4). */
    record ResetQuery(int version) implements Pdu {
        public ResetQuery {
            checkVersion(version);
        }

        @Override
        public PduType type() {
            return PduType.RESET_QUERY;
        }
    }

    /** The cache starts answering a query (§5.5). */
    record CacheResponse(int version, int sessionId) implements Pdu {
        public CacheResponse {
            check(version, sessionId, 0);
        }

        @Override
        public PduType type() {
            return PduType.CACHE_RESPONSE;
        }
    }

    /**
     * An IPv4 or IPv6 Prefix PDU (§5.6, §5.7): a VRP announced or withdrawn. The family of {@code prefix} decides
     * the type. Only bit 0 of {@code flags} is defined (1 = announcement); the others are kept as received.
     */
    record PrefixPdu(int version, int flags, Prefix prefix, int maxLength, long asn) implements Pdu {
        public PrefixPdu {
            checkVersion(version);
            checkUnsigned(flags, 0xFF, "flags");
            int familyMax = prefix.isIpv6() ? 128 : 32;
            if (maxLength < prefix.length() || maxLength > familyMax) {
                throw new IllegalArgumentException("max length " + maxLength + " outside " + prefix.length() + ".."
                        + familyMax + " for " + prefix);
            }
            if (!hostBitsClear(prefix)) {
                throw new IllegalArgumentException("host bits set past /" + prefix.length() + " in " + prefix);
            }
            checkUnsigned(asn, 0xFFFF_FFFFL, "AS number");
        }

        public static PrefixPdu announce(int version, Prefix prefix, int maxLength, long asn) {
            return new PrefixPdu(version, 1, prefix, maxLength, asn);
        }

        public static PrefixPdu withdraw(int version, Prefix prefix, int maxLength, long asn) {
            return new PrefixPdu(version, 0, prefix, maxLength, asn);
        }

        public boolean announce() {
            return (flags & 1) != 0;
        }

        @Override
        public PduType type() {
            return prefix.isIpv6() ? PduType.IPV6_PREFIX : PduType.IPV4_PREFIX;
        }

        @Override
        public String toString() {
            return (announce() ? "announce " : "withdraw ") + prefix + "-" + maxLength + " AS" + asn;
        }
    }

    /** The timers a version 1 End of Data carries, in seconds (§6). */
    record Intervals(long refresh, long retry, long expire) {
        public Intervals {
            checkUnsigned(refresh, 0xFFFF_FFFFL, "refresh interval");
            checkUnsigned(retry, 0xFFFF_FFFFL, "retry interval");
            checkUnsigned(expire, 0xFFFF_FFFFL, "expire interval");
        }
    }

    /**
     * The cache has finished answering a query (§5.8). {@code intervals} is null in version 0, whose End of Data
     * carries none, and required in version 1.
     */
    record EndOfData(int version, int sessionId, long serial, Intervals intervals) implements Pdu {
        public EndOfData {
            check(version, sessionId, serial);
            if ((intervals == null) != (version == VERSION_0)) {
                throw new IllegalArgumentException("a version " + version + " End of Data "
                        + (version == VERSION_0 ? "has no intervals" : "needs intervals"));
            }
        }

        @Override
        public PduType type() {
            return PduType.END_OF_DATA;
        }
    }

    /** The cache cannot answer a Serial Query incrementally: the router must send a Reset Query (§5.9). */
    record CacheReset(int version) implements Pdu {
        public CacheReset {
            checkVersion(version);
        }

        @Override
        public PduType type() {
            return PduType.CACHE_RESET;
        }
    }

    /** A BGPsec router key (§5.10, version 1 only): a subject key identifier, an AS and the public key. */
    record RouterKey(int version, int flags, byte[] subjectKeyIdentifier, long asn, byte[] subjectPublicKeyInfo)
            implements Pdu {
        public static final int SKI_LENGTH = 20;

        public RouterKey {
            if (version != VERSION_1) {
                throw new IllegalArgumentException("Router Key PDUs exist in version 1 only");
            }
            checkUnsigned(flags, 0xFF, "flags");
            if (subjectKeyIdentifier.length != SKI_LENGTH) {
                throw new IllegalArgumentException("a subject key identifier has 20 bytes, not "
                        + subjectKeyIdentifier.length);
            }
            checkUnsigned(asn, 0xFFFF_FFFFL, "AS number");
            subjectKeyIdentifier = subjectKeyIdentifier.clone();
            subjectPublicKeyInfo = subjectPublicKeyInfo.clone();
        }

        @Override
        public byte[] subjectKeyIdentifier() {
            return subjectKeyIdentifier.clone();
        }

        @Override
        public byte[] subjectPublicKeyInfo() {
            return subjectPublicKeyInfo.clone();
        }

        public boolean announce() {
            return (flags & 1) != 0;
        }

        @Override
        public PduType type() {
            return PduType.ROUTER_KEY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RouterKey k && k.version == version && k.flags == flags && k.asn == asn
                    && Arrays.equals(k.subjectKeyIdentifier, subjectKeyIdentifier)
                    && Arrays.equals(k.subjectPublicKeyInfo, subjectPublicKeyInfo);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(subjectKeyIdentifier) * 31 + Long.hashCode(asn);
        }

        @Override
        public String toString() {
            return "RouterKey[" + (announce() ? "announce" : "withdraw") + " AS" + asn + " SKI "
                    + HexFormat.of().formatHex(subjectKeyIdentifier) + "]";
        }
    }

    /**
     * An error (§5.11): {@code code} is kept as a number since later versions add codes ({@link #errorCode} names the
     * known ones), {@code erroneousPdu} is the offending PDU (possibly empty) and {@code text} the diagnostic.
     */
    record ErrorReport(int version, int code, byte[] erroneousPdu, String text) implements Pdu {
        public ErrorReport {
            checkVersion(version);
            checkUnsigned(code, 0xFFFF, "error code");
            erroneousPdu = erroneousPdu.clone();
        }

        public ErrorReport(int version, ErrorCode code, byte[] erroneousPdu, String text) {
            this(version, code.code(), erroneousPdu, text);
        }

        /** The error's name, or null for a code RFC 8210 does not define. */
        public ErrorCode errorCode() {
            return ErrorCode.of(code);
        }

        @Override
        public byte[] erroneousPdu() {
            return erroneousPdu.clone();
        }

        /** "Corrupt Data: text" for logs, the text without the NUL terminator some caches (StayRTR) append. */
        public String describe() {
            ErrorCode known = errorCode();
            String name = known != null ? known.label() : "error code " + code;
            String shown = text.replaceAll("\\p{Cntrl}+$", "").strip();
            return shown.isEmpty() ? name : name + ": " + shown;
        }

        @Override
        public PduType type() {
            return PduType.ERROR_REPORT;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ErrorReport e && e.version == version && e.code == code
                    && Arrays.equals(e.erroneousPdu, erroneousPdu) && e.text.equals(text);
        }

        @Override
        public int hashCode() {
            return (code * 31 + Arrays.hashCode(erroneousPdu)) * 31 + text.hashCode();
        }

        @Override
        public String toString() {
            return "ErrorReport[v" + version + " " + describe() + ", PDU " + HexFormat.of().formatHex(erroneousPdu)
                    + "]";
        }
    }

    /** True if no bit past the prefix length is set: a VRP is a prefix, not an address with a length. */
    private static boolean hostBitsClear(Prefix p) {
        int partial = p.length() % 8;
        return partial == 0 || (p.byteAt(p.byteCount() - 1) & (0xFF >>> partial)) == 0;
    }

    private static void check(int version, int sessionId, long serial) {
        checkVersion(version);
        checkUnsigned(sessionId, 0xFFFF, "session ID");
        checkUnsigned(serial, 0xFFFF_FFFFL, "serial number");
    }

    private static void checkVersion(int version) {
        if (version != VERSION_0 && version != VERSION_1) {
            throw new IllegalArgumentException("RTR version " + version + " is not 0 or 1");
        }
    }

    private static void checkUnsigned(long value, long max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " outside 0.." + max);
        }
    }
}
