package org.peerage.routeserver.export;

import java.util.Arrays;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.rib.AttributeTable;
import org.peerage.rib.Clients;
import org.peerage.rib.LocRib;
import org.peerage.rib.Paths;
import org.peerage.routeserver.config.RouteServerConfig.WellKnownPolicy;
import org.peerage.routeserver.filter.ImportPolicy;
import org.peerage.routeserver.filter.RouteFacts;

/**
 * Decides what each receiver gets for a prefix and records the difference from what it was sent. A receiver gets
 * the best accepted path it is allowed to have (path hiding solved, RFC 7947 §2.3.2.1), or with ADD-PATH every
 * allowed path. Allowed: not from its own AS, permitted by the path's control communities, and by the RFC 1997
 * policy, a blackhole only to those who take them, an IPv4 route with an IPv6 next hop only over RFC 8950.
 */
public final class Exporter {
    private final LocRib rib;
    private final AttributeTable attributes;
    private final Clients clients;
    private final ExportForms forms;
    private final long rsAsn;
    private final WellKnownPolicy wellKnown;
    private AttributeInfo[] infos = new AttributeInfo[1024];
    private boolean draining;

    public Exporter(LocRib rib, AttributeTable attributes, Clients clients, ExportForms forms, long rsAsn,
                    WellKnownPolicy wellKnown) {
        this.rib = rib;
        this.attributes = attributes;
        this.clients = clients;
        this.forms = forms;
        this.rsAsn = rsAsn;
        this.wellKnown = wellKnown;
    }

    /** Every route is sent with GRACEFUL_SHUTDOWN from now on (RFC 8326: the route server is going down). */
    public void setDraining(boolean on) {
        draining = on;
    }

    public AttributeInfo info(int attributeId) {
        if (attributeId >= infos.length) infos = Arrays.copyOf(infos, Math.max(attributeId + 1, infos.length * 2));
        AttributeInfo i = infos[attributeId];
        int serial = attributes.serial(attributeId);
        if (i == null || i.serial() != serial) {
            i = AttributeInfo.of(serial, RouteFacts.of(attributes.attributes(attributeId)), rsAsn);
            infos[attributeId] = i;
        }
        return i;
    }

    /** Whether {@code path} may be sent to {@code to}; the reason it may not, for a looking glass, otherwise. */
    public String refusal(long path, Receiver to, boolean ipv6) {
        if (clients.asn(Paths.client(path)) == to.asn()) return "from the receiver's own AS";
        AttributeInfo i = info(Paths.attributeId(path));
        if (!i.control().allows(to.asn())) return "an announcement-control community";
        if (wellKnown == WellKnownPolicy.RFC1997 && i.noAdvertise()) return "NO_ADVERTISE (policy rfc1997)";
        if (wellKnown == WellKnownPolicy.RFC1997 && i.noExport()) return "NO_EXPORT (policy rfc1997)";
        if ((Paths.tags(path) & ImportPolicy.BLACKHOLE_TAG) != 0 && !to.announceBlackholes()) {
            return "a blackhole route; the receiver does not take them";
        }
        if (!ipv6 && i.ipv6NextHop() && !to.extendedNextHop()) {
            return "an IPv6 next hop; the receiver did not negotiate RFC 8950";
        }
        return null;
    }

    public boolean allowed(long path, Receiver to, boolean ipv6) {
        return refusal(path, to, ipv6) == null;
    }

    /** The form {@code path} takes towards {@code to}. */
    public ExportForm form(long path, Receiver to, boolean ipv6) {
        int id = Paths.attributeId(path);
        ExportControl control = info(id).control();
        int tags = Paths.tags(path);
        int variant = Variant.of(tags & 3, control.prepend(to.asn()));
        if ((tags & ImportPolicy.BLACKHOLE_TAG) != 0) {
            if (forms.rewritesBlackholeNextHop(ipv6)) variant |= Variant.BLACKHOLE_NEXT_HOP;
            if (forms.addsNoExportToBlackholes()) variant |= Variant.NO_EXPORT;
        }
        if (control.addNoExport(to.asn())) variant |= Variant.NO_EXPORT;
        if (control.addNoAdvertise(to.asn())) variant |= Variant.NO_ADVERTISE;
        if (draining) variant |= Variant.GRACEFUL_SHUTDOWN;
        return forms.form(id, clients.asn(Paths.client(path)), ipv6, variant);
    }

    /**
     * What {@code to} (a receiver without ADD-PATH) must be sent for a batch of slots, noted as sent; positions
     * without a prefix (null) are left unchanged.
     */
    public ExportPlan plan(int[] slots, Prefix[] prefixes, Receiver to) {
        ExportPlan plan = new ExportPlan(slots.length);
        AdjRibOut sent = to.adjRibOut();
        for (int i = 0; i < slots.length; i++) {
            Prefix p = prefixes[i];
            if (p == null) continue;
            boolean ipv6 = p.isIpv6();
            if (!to.receives(ipv6)) continue;
            int slot = slots[i];
            ExportForm form = chosen(slot, to, ipv6);
            int serial = form == null ? 0 : form.serial();
            if (serial == sent.sent(slot)) continue;
            if (form == null) plan.withdraw(i);
            else plan.announce(i, form);
            sent.setSent(slot, serial);
        }
        return plan;
    }

    /** The form of the best path {@code to} may have for a slot (without ADD-PATH), or null: nothing. */
    private ExportForm chosen(int slot, Receiver to, boolean ipv6) {
        long best = rib.bestAllowed(slot, path -> allowed(path, to, ipv6));
        return best < 0 ? null : form(best, to, ipv6);
    }

    /** Records in {@code out} what {@code to} must be sent for a slot, and notes it as sent. */
    public void diff(int slot, Prefix p, Receiver to, Changes out) {
        boolean ipv6 = p.isIpv6();
        if (!to.receives(ipv6)) return;
        AdjRibOut sent = to.adjRibOut();
        if (to.addPath(ipv6)) {
            diffAddPath(slot, p, to, out, ipv6, sent);
            return;
        }
        ExportForm form = chosen(slot, to, ipv6);
        int serial = form == null ? 0 : form.serial();
        if (serial == sent.sent(slot)) return;
        if (form == null) out.withdraw(Route.of(p));
        else out.announce(form, Route.of(p));
        sent.setSent(slot, serial);
    }

    private void diffAddPath(int slot, Prefix p, Receiver to, Changes out, boolean ipv6, AdjRibOut sent) {
        long[] candidates = rib.candidates(slot);
        long[] want = new long[candidates.length];
        ExportForm[] wantForms = new ExportForm[candidates.length];
        int n = 0;
        for (long path : candidates) {
            if (!Paths.isAccepted(path)) break;
            if (!allowed(path, to, ipv6)) continue;
            ExportForm f = form(path, to, ipv6);
            wantForms[n] = f;
            want[n++] = (long) (Paths.client(path) + 1) << 32 | (f.serial() & 0xFFFF_FFFFL);
        }
        long[] had = sent.paths(slot);
        for (int i = 0; i < n; i++) {
            if (indexOf(had, want[i]) < 0) out.announce(wantForms[i], new Route(p, want[i] >>> 32));
        }
        for (long h : had) {
            long pathId = h >>> 32;
            boolean kept = false;
            for (int i = 0; i < n && !kept; i++) kept = want[i] >>> 32 == pathId;
            if (!kept) out.withdraw(new Route(p, pathId));
        }
        long[] now = Arrays.copyOf(want, n);
        Arrays.sort(now);
        sent.setPaths(slot, now);
    }

    private static int indexOf(long[] a, long v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }
}
