package org.peerage.routeserver.export;

import java.util.List;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * One attribute set as the route server sends it with one combination of changes (a {@link Variant}): control and
 * informational communities replaced, prepends, a blackhole next hop. Held for every receiver that gets it; the
 * serial tells an Adj-RIB-Out entry apart from any other form, before or after.
 *
 * @param fourOctet attributes for a 4-octet AS receiver (no next hop among them)
 * @param twoOctet  the same for a receiver without 4-octet AS support (AS_TRANS and AS4_PATH, RFC 6793 §4.2.2)
 * @param nextHop   4 bytes, or 16 or 32 for an IPv6 next hop
 */
public record ExportForm(int serial, int attributeSerial, List<PathAttribute> fourOctet,
                         List<PathAttribute> twoOctet, byte[] nextHop) {

    public List<PathAttribute> attributes(boolean fourOctetReceiver) {
        return fourOctetReceiver ? fourOctet : twoOctet;
    }
}
