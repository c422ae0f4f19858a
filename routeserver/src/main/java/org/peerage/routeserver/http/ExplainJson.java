package org.peerage.routeserver.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.Explanation;

/** {@code /api/explain}: every path of a prefix, each check with its evidence, and its fate at each receiver. */
final class ExplainJson {
    private ExplainJson() {
    }

    static void write(JsonGenerator g, Prefix prefix, List<Explanation> explanations) throws IOException {
        g.writeStringField("prefix", prefix.toString());
        g.writeArrayFieldStart("paths");
        for (Explanation e : explanations) {
            g.writeStartObject();
            g.writeStringField("from", e.route().fromAs() + " " + e.route().fromAddress());
            g.writeNumberField("from_as", e.route().fromAs());
            g.writeStringField("as_path", asPath(e.route().attributes()));
            g.writeStringField("next_hop", BirdwatcherJson.nextHop(e.route().attributes()));
            g.writeBooleanField("accepted", e.route().rejected() == null);
            if (e.route().rejected() != null) {
                g.writeStringField("rejected", e.route().rejected().label());
                g.writeNumberField("reject_code", e.route().rejected().code());
                g.writeStringField("reject_reason", e.route().rejected().description());
            }
            g.writeStringField("rpki", e.route().rpki());
            g.writeBooleanField("blackhole", e.route().blackhole());
            g.writeBooleanField("best", e.route().best());
            g.writeArrayFieldStart("checks");
            for (Explanation.Check c : e.checks()) {
                g.writeStartObject();
                g.writeStringField("check", c.name());
                g.writeStringField("outcome", c.outcome().name().toLowerCase(Locale.ROOT));
                g.writeStringField("detail", c.detail());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("receivers");
            for (var r : e.receivers().entrySet()) g.writeStringField(r.getKey(), r.getValue());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static String asPath(List<PathAttribute> attributes) {
        for (PathAttribute a : attributes) {
            if (a instanceof AsPath p) return p.toString();
        }
        return "";
    }
}
