package org.peerage.routeserver.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.wire.Route;

/** One receiver's pending differences: routes to announce grouped by export form, routes to withdraw per family. */
public final class Changes {
    final Map<Integer, Group> announce = new LinkedHashMap<>();
    final List<Route> withdraw4 = new ArrayList<>();
    final List<Route> withdraw6 = new ArrayList<>();

    /** Routes sharing one form and family: one or a few UPDATEs. */
    static final class Group {
        final ExportForm form;
        final List<Route> v4 = new ArrayList<>();
        final List<Route> v6 = new ArrayList<>();

        Group(ExportForm form) {
            this.form = form;
        }
    }

    void announce(ExportForm form, Route r) {
        Group g = announce.computeIfAbsent(form.serial(), k -> new Group(form));
        (r.prefix().isIpv6() ? g.v6 : g.v4).add(r);
    }

    void withdraw(Route r) {
        (r.prefix().isIpv6() ? withdraw6 : withdraw4).add(r);
    }

    public boolean isEmpty() {
        return announce.isEmpty() && withdraw4.isEmpty() && withdraw6.isEmpty();
    }

    public int routeCount() {
        int n = withdraw4.size() + withdraw6.size();
        for (Group g : announce.values()) n += g.v4.size() + g.v6.size();
        return n;
    }
}
