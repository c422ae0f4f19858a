package org.peerage.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.policy.rtr.RtrCacheStatus;

/** What {@code peerage rpki rtr} prints: a table for people, or one JSON object per line. */
final class RtrOutput {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int CHANGES_LISTED = 10;
    private static final String[] HEADER = {"CACHE", "USE", "PREF", "STATE", "VERSION", "SESSION", "SERIAL", "VRPS",
        "LAST UPDATE", "LAST ERROR"};

    private final PrintStream out;
    private final boolean json;

    RtrOutput(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** The VRPs in use and every cache. */
    void report(VrpTable vrps, List<RtrCacheStatus> status) {
        String inUse = inUse(status);
        if (json) {
            line(g -> {
                g.writeStartObject();
                counts(g, vrps);
                g.writeStringField("in_use", inUse);
                g.writeArrayFieldStart("caches");
                for (RtrCacheStatus s : status) {
                    cache(g, s);
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            return;
        }
        int[] family = families(vrps);
        out.println("VRPs: " + vrps.size() + " (" + family[0] + " IPv4, " + family[1] + " IPv6)"
                + (inUse == null ? ", no cache has sent its data" : " from " + inUse));
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (RtrCacheStatus s : status) {
            rows.add(new String[] {s.cache().address(), s.inUse() ? "*" : "", String.valueOf(s.cache().preference()),
                s.state().label(), String.valueOf(s.version()), s.sessionId() < 0 ? "-" : String.valueOf(s.sessionId()),
                s.serial() < 0 ? "-" : String.valueOf(s.serial()), String.valueOf(s.vrpCount()), time(s.lastUpdate()),
                s.lastError() == null ? "-" : s.lastError()});
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                b.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.println(b.toString().stripTrailing());
        }
        out.flush();
    }

    /** A change of the data in use. */
    void change(VrpTable vrps, Set<Prefix> coverage, List<RtrCacheStatus> status) {
        String now = time(Instant.now());
        String inUse = inUse(status);
        if (json) {
            line(g -> {
                g.writeStartObject();
                g.writeStringField("time", now);
                g.writeStringField("event", "changed");
                counts(g, vrps);
                g.writeStringField("in_use", inUse);
                g.writeArrayFieldStart("changed");
                for (Prefix p : coverage) {
                    g.writeString(p.toString());
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            return;
        }
        int[] family = families(vrps);
        List<String> listed = coverage.stream().limit(CHANGES_LISTED).map(Prefix::toString).toList();
        out.println(now + " changed: " + vrps.size() + " VRPs (" + family[0] + " IPv4, " + family[1] + " IPv6)"
                + (inUse == null ? "" : " from " + inUse) + "; " + coverage.size()
                + (coverage.size() == 1 ? " prefix changed: " : " prefixes changed: ") + String.join(", ", listed)
                + (coverage.size() > CHANGES_LISTED ? " and " + (coverage.size() - CHANGES_LISTED) + " more" : ""));
        out.flush();
    }

    /** A cache changed state, or became (or stopped being) the one in use. */
    void cacheChange(RtrCacheStatus before, RtrCacheStatus now) {
        String at = time(Instant.now());
        if (json) {
            line(g -> {
                g.writeStartObject();
                g.writeStringField("time", at);
                g.writeStringField("event", "cache");
                g.writeStringField("cache", now.cache().address());
                g.writeStringField("state", now.state().label());
                g.writeBooleanField("in_use", now.inUse());
                g.writeStringField("last_error", now.lastError());
                g.writeEndObject();
            });
            return;
        }
        String use = before.inUse() == now.inUse() ? "" : now.inUse() ? ", now in use" : ", no longer in use";
        String why = now.state() == before.state() || now.lastError() == null ? "" : " (" + now.lastError() + ")";
        out.println(at + " " + now.cache().address() + ": " + before.state().label() + " -> " + now.state().label()
                + use + why);
        out.flush();
    }

    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private void line(Writer w) {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(s)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(s);
        out.flush();
    }

    private static void counts(JsonGenerator g, VrpTable vrps) throws IOException {
        int[] family = families(vrps);
        g.writeNumberField("vrps", vrps.size());
        g.writeNumberField("ipv4", family[0]);
        g.writeNumberField("ipv6", family[1]);
    }

    private static void cache(JsonGenerator g, RtrCacheStatus s) throws IOException {
        g.writeStartObject();
        g.writeStringField("cache", s.cache().address());
        g.writeNumberField("preference", s.cache().preference());
        g.writeStringField("state", s.state().label());
        g.writeBooleanField("in_use", s.inUse());
        g.writeNumberField("version", s.version());
        nullable(g, "session_id", s.sessionId());
        nullable(g, "serial", s.serial());
        g.writeNumberField("vrps", s.vrpCount());
        g.writeStringField("last_update", s.lastUpdate() == null ? null : time(s.lastUpdate()));
        g.writeStringField("last_error", s.lastError());
        g.writeStringField("last_error_at", s.lastErrorAt() == null ? null : time(s.lastErrorAt()));
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String name, long value) throws IOException {
        if (value < 0) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static String inUse(List<RtrCacheStatus> status) {
        return status.stream().filter(RtrCacheStatus::inUse).map(s -> s.cache().address()).findFirst().orElse(null);
    }

    private static int[] families(VrpTable vrps) {
        int six = 0;
        for (Vrp v : vrps.toList()) {
            six += v.prefix().isIpv6() ? 1 : 0;
        }
        return new int[] {vrps.size() - six, six};
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
