package org.peerage.planner.asrel;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.peerage.bgp.mrt.MrtDecoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtException;
import org.peerage.bgp.mrt.MrtReader;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.DecodeResult;
import org.peerage.bgp.wire.ErrorAction;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateCodec;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.As4Reconciliation;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * AS paths from MRT files, read with the project's {@link MrtReader} and {@link MrtDecoder}: every peer's path of a
 * TABLE_DUMP_V2 or TABLE_DUMP RIB dump, and the path of every announcing BGP4MP UPDATE. Paths are sanitised
 * ({@link PathSanitizer}) and kept once each in a {@link PathSet}; routes whose attributes call for
 * treat-as-withdraw (RFC 7606) are skipped. Optionally collects prefix to origin pairs.
 */
public final class MrtAsPaths {
    private static final CodecContext AS4 = new CodecContext(true, Set.of(), CodecContext.EXTENDED_MAX_LENGTH);
    private static final CodecContext AS2 = AS4.withFourOctetAs(false);

    /** What one file gave. {@code damage} is the error that ended reading early, or null. */
    public record FileStats(String file, long records, long routes, long updates, long unusable, String damage) {
    }

    private final PathSet paths;
    private final PathSanitizer sanitizer;
    private final PrefixOrigins.Builder origins;
    private int[] buffer = new int[1024];
    /** The origin of the route last given to {@link #path}, or 0 if unknown. */
    private int pathOrigin;
    private AsPath[] lastPath = new AsPath[64];
    private int[] lastLength = new int[64];
    private int[] lastOrigin = new int[64];
    private int[] lastPrepends = new int[64];
    private PathSanitizer.Verdict[] lastVerdict = new PathSanitizer.Verdict[64];
    private long records;
    private long routes;
    private long updates;
    private long unusable;

    /** @param origins receives prefix to origin pairs of kept paths, or null not to collect them */
    public MrtAsPaths(PathSet paths, PathSanitizer sanitizer, PrefixOrigins.Builder origins) {
        this.paths = paths;
        this.sanitizer = sanitizer;
        this.origins = origins;
    }

    public FileStats read(String file) throws IOException {
        records = routes = updates = unusable = 0;
        java.util.Arrays.fill(lastPath, null); // peer indexes are per file
        String damage = null;
        try (MrtReader reader = MrtReader.open(file)) {
            MrtRecord r;
            while ((r = reader.next()) != null) {
                records++;
                switch (MrtDecoder.decode(r)) {
                    case MrtEntry.RibTable t -> {
                        if (t.prefix() == null || !t.family().isIpPrefixFamily()) break;
                        for (MrtEntry.RibEntry e : t.entries()) {
                            ribEntry(t.prefix(), e);
                        }
                    }
                    case MrtEntry.TableDump t -> offer(t.prefix(), t.attributes(), t.malformations(), true);
                    case MrtEntry.Bgp4mpMessage m -> update(m);
                    default -> { }
                }
            }
        } catch (MrtException e) {
            damage = e.getMessage();
        }
        return new FileStats(file, records, routes, updates, unusable, damage);
    }

    private void update(MrtEntry.Bgp4mpMessage m) {
        byte[] msg = m.message();
        if (msg.length < 19 || msg[18] != 2) {
            return;
        }
        CodecContext ctx = m.as4() ? AS4 : AS2;
        if (m.addPath()) {
            ctx = ctx.withAddPath(Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST));
        }
        if (!(UpdateCodec.decode(msg, 19, msg.length - 19, ctx) instanceof DecodeResult.Decoded<UpdateMessage> d)) {
            unusable++;
            return;
        }
        UpdateMessage u = d.value();
        if (!u.hasReachable()) {
            return;
        }
        updates++;
        path(u.attributes(), d.malformations());
        int origin = pathOrigin;
        if (origin == 0 || origins == null) {
            return;
        }
        for (Route route : u.nlri()) {
            origins.add(route.prefix(), Integer.toUnsignedLong(origin));
        }
        MpReachNlri reach = u.mpReach();
        if (reach != null && reach.family().isIpPrefixFamily()) {
            for (Route route : reach.nlri()) {
                origins.add(route.prefix(), Integer.toUnsignedLong(origin));
            }
        }
    }

    /**
     * A RIB entry. A peer's consecutive prefixes often share one path: a path equal to the peer's previous one is
     * counted without being sanitised and looked up again.
     */
    private void ribEntry(Prefix prefix, MrtEntry.RibEntry e) {
        int peer = e.peerIndex();
        if (peer >= lastPath.length) {
            int size = Math.max(peer + 1, lastPath.length * 2);
            lastPath = java.util.Arrays.copyOf(lastPath, size);
            lastLength = java.util.Arrays.copyOf(lastLength, size);
            lastOrigin = java.util.Arrays.copyOf(lastOrigin, size);
            lastVerdict = java.util.Arrays.copyOf(lastVerdict, size);
            lastPrepends = java.util.Arrays.copyOf(lastPrepends, size);
        }
        List<PathAttribute> attributes = e.attributes();
        AsPath asPath = null;
        boolean as4 = false;
        for (PathAttribute a : attributes) {
            if (a instanceof AsPath p) {
                asPath = p;
            } else if (a instanceof org.peerage.bgp.wire.attr.As4Path) {
                as4 = true;
            }
        }
        if (asPath != null && !as4 && e.malformations().isEmpty() && asPath.equals(lastPath[peer])) {
            routes++;
            if (lastLength[peer] < 0) {
                sanitizer.countAgain(lastVerdict[peer], lastPrepends[peer]);
            } else {
                sanitizer.countAgain(PathSanitizer.Verdict.KEPT, lastPrepends[peer]);
                paths.countAgain();
            }
            if (origins != null && lastOrigin[peer] != 0) {
                origins.add(prefix, Integer.toUnsignedLong(lastOrigin[peer]));
            }
            return;
        }
        long prepends = sanitizer.prependsRemoved();
        int n = path(attributes, e.malformations(), true);
        lastPrepends[peer] = (int) (sanitizer.prependsRemoved() - prepends);
        int origin = pathOrigin;
        if (origin != 0 && origins != null) {
            origins.add(prefix, Integer.toUnsignedLong(origin));
        }
        boolean cacheable = asPath != null && !as4 && e.malformations().isEmpty();
        lastPath[peer] = cacheable ? asPath : null;
        lastLength[peer] = n;
        lastOrigin[peer] = origin;
        lastVerdict[peer] = n >= 0 ? PathSanitizer.Verdict.KEPT : sanitizer.lastVerdict();
    }

    private void offer(Prefix prefix, List<PathAttribute> attributes, List<Malformation> malformations,
                       boolean fromRib) {
        int n = path(attributes, malformations, fromRib);
        int origin = pathOrigin;
        if (origin != 0 && origins != null && prefix != null) {
            origins.add(prefix, Integer.toUnsignedLong(origin));
        }
    }

    private int path(List<PathAttribute> attributes, List<Malformation> malformations) {
        return path(attributes, malformations, false);
    }

    /**
     * Sanitises the route's AS path into {@link #buffer} and adds it; returns its length, -1 if the sanitiser
     * dropped it, -2 if the route has no usable path (treat-as-withdraw, no AS_PATH).
     */
    private int path(List<PathAttribute> attributes, List<Malformation> malformations, boolean fromRib) {
        routes++;
        pathOrigin = 0;
        for (Malformation m : malformations) {
            if (m.action().compareTo(ErrorAction.TREAT_AS_WITHDRAW) >= 0) {
                unusable++;
                return -2;
            }
        }
        AsPath asPath = null;
        for (PathAttribute a : As4Reconciliation.attributes(attributes)) {
            if (a instanceof AsPath p) {
                asPath = p;
                break;
            }
        }
        if (asPath == null) {
            unusable++;
            return -2;
        }
        int total = 0;
        AsPathSegment last = null;
        for (AsPathSegment s : asPath.segments()) {
            total += s.size();
            if (!s.type().isConfederation()) last = s;
        }
        // The origin, whatever becomes of the path: the last AS unless the path ends in a set or a bogon.
        if (last != null && !last.type().isSet()) {
            int o = (int) last.asn(last.size() - 1);
            pathOrigin = sanitizer.isBogon(o) ? 0 : o;
        }
        if (buffer.length < total) {
            buffer = new int[Math.max(total, buffer.length * 2)];
        }
        int n = sanitizer.sanitize(asPath.segments(), buffer);
        if (n < 0) {
            return -1;
        }
        paths.add(buffer, n, fromRib);
        return n;
    }
}
