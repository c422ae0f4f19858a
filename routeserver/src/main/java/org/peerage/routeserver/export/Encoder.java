package org.peerage.routeserver.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.speaker.UpdatePacker;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.Route;

/**
 * Encodes receivers' {@link Changes} into UPDATE messages, once per distinct (form, routes, sending context): the
 * receivers that get the same thing share the same bytes. One encoder per propagation round.
 */
public final class Encoder {
    private final Map<Key, List<byte[]>> done = new HashMap<>();
    private long encoded;
    private long shared;

    /** Identity of one batch: form serial (0 for a withdrawal), family, context, and the routes. */
    private record Key(int form, boolean ipv6, CodecContext ctx, List<Route> routes) {
    }

    public List<byte[]> encode(Changes c, CodecContext ctx) {
        List<byte[]> out = new ArrayList<>();
        if (!c.withdraw4.isEmpty()) out.addAll(batch(0, false, ctx, c.withdraw4, null));
        if (!c.withdraw6.isEmpty()) out.addAll(batch(0, true, ctx, c.withdraw6, null));
        for (Changes.Group g : c.announce.values()) {
            if (!g.v4.isEmpty()) out.addAll(batch(g.form.serial(), false, ctx, g.v4, g.form));
            if (!g.v6.isEmpty()) out.addAll(batch(g.form.serial(), true, ctx, g.v6, g.form));
        }
        return out;
    }

    private List<byte[]> batch(int form, boolean ipv6, CodecContext ctx, List<Route> routes, ExportForm f) {
        Key key = new Key(form, ipv6, ctx, routes);
        List<byte[]> messages = done.get(key);
        if (messages != null) {
            shared += messages.size();
            return messages;
        }
        messages = f == null ? UpdatePacker.withdraw(routes, false, ctx)
                : UpdatePacker.packRoutes(f.attributes(ctx.fourOctetAs()), routes, f.nextHop(), ctx);
        encoded += messages.size();
        done.put(new Key(form, ipv6, ctx, List.copyOf(routes)), messages);
        return messages;
    }

    /** UPDATEs encoded, and UPDATEs reused for another receiver, so far. */
    public long[] counts() {
        return new long[] {encoded, shared};
    }
}
