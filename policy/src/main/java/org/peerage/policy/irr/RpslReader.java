package org.peerage.policy.irr;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.peerage.bgp.wire.InetText;
import org.peerage.policy.Asns;
import org.peerage.policy.PolicyDataException;

/**
 * Reads an RPSL dump (RFC 2622 §2 syntax as the RIRs and RADB write it) straight from bytes and keeps only route,
 * route6, as-set and aut-num objects, and of those only the attributes filters need. Objects are separated by
 * blank (or whitespace-only) lines; "name: value" starts an attribute, a line starting with a space, a tab or '+'
 * continues it; lines starting with '#' or '%' are comments, and so is anything from '#' to the end of a value.
 * Attribute names are case-insensitive. A broken object is counted and reported with its file and line, and the
 * reading goes on; only a file whose first line is not RPSL at all is refused.
 */
final class RpslReader {
    private static final int NONE = 0, SKIP = 1, ROUTE = 2, ROUTE6 = 3, AS_SET = 4, AUT_NUM = 5, BROKEN = 6;
    private static final int A_OTHER = 0, A_KEY = 1, A_ORIGIN = 2, A_SOURCE = 3, A_MEMBERS = 4, A_AS_NAME = 5;

    private final String file;
    private final InputStream in;
    private final IrrBuilder out;

    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private long lineNo;
    private int lineEnd;
    private boolean sawAttribute;

    private int state = NONE;
    private long objectLine;
    private int lastAttr = A_OTHER;
    private final StringBuilder key = new StringBuilder();
    private final StringBuilder origin = new StringBuilder();
    private final StringBuilder source = new StringBuilder();
    private final StringBuilder members = new StringBuilder();
    private final StringBuilder asName = new StringBuilder();
    private int origins;
    private String brokenReason;

    RpslReader(String file, InputStream in, IrrBuilder out) {
        this.file = file;
        this.in = in;
        this.out = out;
    }

    void read() throws IOException, PolicyDataException {
        int start;
        while ((start = nextLine()) >= 0) {
            int end = lineEnd;
            if (end > start && buf[end - 1] == '\r') {
                end--;
            }
            line(start, end);
        }
        endObject();
    }

    /** Finds the next line in the buffer; returns its start, or -1 at the end. pos moves past the line's '\n'. */
    private int nextLine() throws IOException {
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    int s = pos;
                    lineEnd = i;
                    pos = i + 1;
                    lineNo++;
                    return s;
                }
            }
            if (eof) {
                if (pos < lim) {
                    int s = pos;
                    lineEnd = lim;
                    pos = lim;
                    lineNo++;
                    return s;
                }
                return -1;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            } else if (lim == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }
    }

    private void line(int s, int e) throws PolicyDataException {
        if (blank(s, e)) {
            endObject();
            return;
        }
        byte c = buf[s];
        if (c == '#' || c == '%') {
            return;
        }
        if (c == ' ' || c == '\t' || c == '+') {
            if (state == NONE) {
                notRpslYet(s, e);
                begin(BROKEN);
                broken("a continuation line where an object should start");
            } else if (state != SKIP && state != BROKEN && lastAttr != A_OTHER) {
                append(current(), c == '+' ? s + 1 : s, e);
            }
            return;
        }
        if (state == SKIP || state == BROKEN) {
            return; // an object of a class not kept, or already broken: only its end matters
        }
        int colon = -1;
        for (int i = s; i < e; i++) {
            byte b = buf[i];
            if (b == ':') {
                colon = i;
                break;
            }
            if (!(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_'
                    || b == '*' && i == s)) {
                break;
            }
        }
        if (colon <= s) {
            notRpslYet(s, e);
            if (state == NONE) {
                begin(BROKEN);
            }
            broken("line " + lineNo + " is not 'attribute: value': " + excerpt(s, e));
            return;
        }
        sawAttribute = true;
        if (state == NONE) {
            begin(is(s, colon, "route") ? ROUTE : is(s, colon, "route6") ? ROUTE6 : is(s, colon, "as-set") ? AS_SET
                    : is(s, colon, "aut-num") ? AUT_NUM : SKIP);
            lastAttr = state == SKIP ? A_OTHER : A_KEY;
        } else if (is(s, colon, "origin")) {
            origins++;
            lastAttr = state == ROUTE || state == ROUTE6 ? A_ORIGIN : A_OTHER;
        } else if (is(s, colon, "source")) {
            lastAttr = source.isEmpty() ? A_SOURCE : A_OTHER;
        } else if (is(s, colon, "members")) {
            lastAttr = state == AS_SET ? A_MEMBERS : A_OTHER;
        } else if (is(s, colon, "as-name")) {
            lastAttr = state == AUT_NUM && asName.isEmpty() ? A_AS_NAME : A_OTHER;
        } else {
            lastAttr = A_OTHER;
        }
        if (lastAttr == A_MEMBERS && !members.isEmpty()) {
            members.append(',');
        }
        if (lastAttr != A_OTHER) {
            append(current(), colon + 1, e);
        }
    }

    /** True if the attribute name in buf[s, colon) is {@code name} (lower case), ignoring case. */
    private boolean is(int s, int colon, String name) {
        if (colon - s != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            int b = buf[s + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void notRpslYet(int s, int e) throws PolicyDataException {
        if (!sawAttribute) {
            throw new PolicyDataException(file + ":" + lineNo + ": not an RPSL dump (expected 'attribute: value'): "
                    + excerpt(s, e));
        }
    }

    private void begin(int cls) {
        state = cls;
        objectLine = lineNo;
        out.objects++;
    }

    private void broken(String reason) {
        if (state != BROKEN || brokenReason == null) {
            state = BROKEN;
            brokenReason = reason;
        }
    }

    private StringBuilder current() {
        return switch (lastAttr) {
            case A_KEY -> key;
            case A_ORIGIN -> origin;
            case A_SOURCE -> source;
            case A_MEMBERS -> members;
            case A_AS_NAME -> asName;
            default -> throw new IllegalStateException();
        };
    }

    /** Appends a value piece with its comment cut off, separated from what is there by one space. */
    private void append(StringBuilder sb, int s, int e) {
        for (int i = s; i < e; i++) {
            if (buf[i] == '#') {
                e = i;
                break;
            }
        }
        while (s < e && (buf[s] == ' ' || buf[s] == '\t')) s++;
        while (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\t')) e--;
        if (s == e) {
            return;
        }
        if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ',') {
            sb.append(' ');
        }
        for (int i = s; i < e; i++) {
            sb.append((char) (buf[i] & 0xFF));
        }
    }

    private void endObject() {
        try {
            switch (state) {
                case ROUTE, ROUTE6 -> route();
                case AS_SET -> asSet();
                case AUT_NUM -> autNum();
                case BROKEN -> out.malformed(where() + brokenReason + "; object skipped");
                default -> {
                }
            }
        } finally {
            state = NONE;
            lastAttr = A_OTHER;
            key.setLength(0);
            origin.setLength(0);
            source.setLength(0);
            members.setLength(0);
            asName.setLength(0);
            origins = 0;
            brokenReason = null;
        }
    }

    private String where() {
        return file + ":" + objectLine + ": ";
    }

    private String sourceName(String what) {
        String src = source.toString().strip().toUpperCase(Locale.ROOT);
        if (src.isEmpty()) {
            out.problem(where() + what + " has no source: attribute; kept with source \"\"");
        }
        return src;
    }

    private void route() {
        boolean six = state == ROUTE6;
        String cls = six ? "route6" : "route";
        String text = key.toString().strip();
        if (origins != 1) {
            out.malformed(where() + cls + " " + text + ": " + (origins == 0 ? "no origin:" : origins + " origin: attributes")
                    + "; object skipped");
            return;
        }
        long asn = Asns.parse(origin.toString().strip());
        if (asn < 0) {
            out.malformed(where() + cls + " " + text + ": origin '" + origin + "' is not an AS number; object skipped");
            return;
        }
        int slash = text.indexOf('/');
        byte[] addr;
        int len;
        try {
            if (slash < 0) {
                throw new IllegalArgumentException("no /length");
            }
            addr = InetText.parseAddress(text.substring(0, slash));
            String l = text.substring(slash + 1);
            if (l.isEmpty() || l.length() > 3 || !l.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new IllegalArgumentException("bad length");
            }
            len = Integer.parseInt(l);
            if (len > addr.length * 8) {
                throw new IllegalArgumentException("length over /" + addr.length * 8);
            }
        } catch (IllegalArgumentException e) {
            out.malformed(where() + cls + " '" + text + "' is not a prefix (" + e.getMessage() + "); object skipped");
            return;
        }
        if ((addr.length == 16) != six) {
            out.malformed(where() + cls + " " + text + ": an " + (six ? "IPv4" : "IPv6") + " prefix in a " + cls
                    + " object; object skipped");
            return;
        }
        String src = sourceName(cls + " " + text);
        short srcId = out.source(src);
        if (six) {
            long hi = 0, lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = hi << 8 | (addr[i] & 0xFF);
                lo = lo << 8 | (addr[i + 8] & 0xFF);
            }
            long mh = org.peerage.policy.PrefixBits.maskHi(hi, len), ml = org.peerage.policy.PrefixBits.maskLo(lo, len);
            if (mh != hi || ml != lo) {
                out.problem(where() + "route6 " + text + ": host bits set; kept as "
                        + org.peerage.policy.PrefixBits.toPrefix(true, mh, ml, len));
            }
            out.route6(mh, ml, len, asn, srcId);
        } else {
            int a = (addr[0] & 0xFF) << 24 | (addr[1] & 0xFF) << 16 | (addr[2] & 0xFF) << 8 | (addr[3] & 0xFF);
            int masked = len == 0 ? 0 : a & (-1 << (32 - len));
            if (masked != a) {
                out.problem(where() + "route " + text + ": host bits set; kept as "
                        + InetText.formatIpv4(masked) + "/" + len);
            }
            out.route4(masked, len, asn, srcId);
        }
    }

    private void asSet() {
        String name = key.toString().strip();
        if (!AsSetNames.isSetName(name.toUpperCase(Locale.ROOT))) {
            out.malformed(where() + "as-set name '" + name + "' is not an as-set name (AS-..., or AS123:AS-...);"
                    + " object skipped");
            return;
        }
        List<Long> asns = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (String token : members.toString().split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            String t = token.toUpperCase(Locale.ROOT);
            long asn = Asns.parse(t);
            if (asn >= 0) {
                asns.add(asn);
            } else if (AsSetNames.isSetReference(t)) {
                sets.add(t);
            } else {
                out.problem(where() + "as-set " + name + ": member '" + token + "' is neither an AS number nor an "
                        + "as-set; member ignored");
            }
        }
        out.asSet(name, sourceName("as-set " + name), asns.stream().mapToLong(Long::longValue).toArray(),
                sets.toArray(String[]::new));
    }

    private void autNum() {
        String text = key.toString().strip();
        long asn = Asns.parse(text);
        if (asn < 0) {
            out.malformed(where() + "aut-num '" + text + "' is not an AS number; object skipped");
            return;
        }
        out.autNum(asn, asName.toString().strip());
    }

    private boolean blank(int s, int e) {
        for (int i = s; i < e; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private String excerpt(int s, int e) {
        StringBuilder sb = new StringBuilder();
        for (int i = s; i < Math.min(e, s + 60); i++) {
            int b = buf[i] & 0xFF;
            sb.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
        }
        return "'" + sb + (e - s > 60 ? "...'" : "'");
    }
}
