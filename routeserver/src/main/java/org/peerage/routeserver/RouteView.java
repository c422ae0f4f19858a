package org.peerage.routeserver;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.rib.AttributeTable;
import org.peerage.rib.Paths;
import org.peerage.routeserver.export.Exporter;
import org.peerage.routeserver.filter.ImportPolicy;
import org.peerage.routeserver.filter.RejectReason;

/**
 * One path the route server holds for a prefix, as a looking glass shows it: who sent it, its attributes, whether
 * import policy accepted it (and if not, why), its RPKI state, and which client sessions it is the path sent to.
 *
 * @param rejected    null when accepted
 * @param rpki        valid, not-found, invalid or not-checked
 * @param exportedTo  names of the sessions this path is the one announced to
 * @param best        the best accepted path for the prefix
 */
public record RouteView(long fromAs, String fromAddress, List<PathAttribute> attributes, RejectReason rejected,
                        String rpki, boolean blackhole, boolean best, List<String> exportedTo) {

    static RouteView of(long path, boolean best, ClientSession from, AttributeTable attributes, int slot,
                        List<ClientSession> sessions, Exporter exporter, boolean ipv6) {
        int verdict = Paths.verdict(path);
        int tags = Paths.tags(path);
        String rpki = rpkiLabel(tags);
        List<String> to = new ArrayList<>();
        if (verdict == 0) {
            for (ClientSession s : sessions) {
                if (s.negotiated == null || !s.receives(ipv6)) continue;
                if (exporter.allowed(path, s, ipv6) && isSent(s, slot, path, exporter, ipv6)) to.add(s.name());
            }
        }
        return new RouteView(from.config.asn(), from.address, attributes.attributes(Paths.attributeId(path)),
                verdict == 0 ? null : RejectReason.ofVerdict(verdict), rpki,
                (tags & ImportPolicy.BLACKHOLE_TAG) != 0, best, to);
    }

    static String rpkiLabel(int tags) {
        return switch (tags & 3) {
            case ImportPolicy.RPKI_VALID -> "valid";
            case ImportPolicy.RPKI_NOT_FOUND -> "not-found";
            case ImportPolicy.RPKI_INVALID -> "invalid";
            default -> "not-checked";
        };
    }

    private static boolean isSent(ClientSession s, int slot, long path, Exporter exporter, boolean ipv6) {
        if (s.addPath(ipv6)) {
            for (long e : s.out.paths(slot)) {
                if (e >>> 32 == Paths.client(path) + 1) return true;
            }
            return false;
        }
        int serial = s.out.sent(slot);
        return serial != 0 && serial == exporter.form(path, s, ipv6).serial();
    }
}
