package org.peerage.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.peerage.bgp.mrt.MrtDecoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtReader;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.testdata.NeedsSharedData;
import org.peerage.bgp.testdata.SharedData;
import org.peerage.bgp.wire.attr.Aggregator;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AtomicAggregate;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.ExtendedCommunities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.LocalPref;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.OnlyToCustomer;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.bgp.wire.attr.SegmentType;
import org.peerage.bgp.wire.attr.UnknownAttribute;

class UpdateCodecPropertiesTest {
    private static final CodecContext BIG = CodecContext.DEFAULT.withMaxMessageLength(CodecContext.EXTENDED_MAX_LENGTH);
    private static final Set<AddressFamily> ADD_PATH = Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST);

    /** UPDATE bodies from a real collector file (RIS rrc01, 2024), mutated by the fuzzing properties. */
    private static List<byte[]> realBodies;

    /**
     * Loaded on first use, inside a property: without the data folder that property is skipped, where an abort in
     * a container hook would count as an error of the whole class.
     */
    private static synchronized List<byte[]> realBodies() {
        if (realBodies != null) return realBodies;
        List<byte[]> bodies = new ArrayList<>();
        try (MrtReader reader = MrtReader.open(SharedData.file("mrt/dnas_rrc01.updates.20241001.0055.gz").toString())) {
            MrtRecord r;
            while ((r = reader.next()) != null && bodies.size() < 2000) {
                if (MrtDecoder.decode(r) instanceof MrtEntry.Bgp4mpMessage m && m.as4() && !m.addPath()
                        && m.message().length > 19 && m.message()[18] == 2) {
                    bodies.add(Arrays.copyOfRange(m.message(), 19, m.message().length));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        realBodies = bodies;
        return bodies;
    }

    @Property(tries = 500)
    void decodeOfEncodeIsIdentity(@ForAll("updates") UpdateMessage update, @ForAll boolean addPath) {
        CodecContext ctx = addPath ? BIG.withAddPath(ADD_PATH) : BIG;
        UpdateMessage u = addPath ? update : withoutPathIds(update);
        byte[] body = UpdateCodec.encodeBody(u, ctx);
        DecodeResult<UpdateMessage> back = UpdateCodec.decode(body, 0, body.length, ctx);
        assertThat(back).isInstanceOfSatisfying(DecodeResult.Decoded.class, d -> {
            assertThat(d.malformations()).isEmpty();
            assertThat(d.value()).isEqualTo(u);
        });
    }

    @Property(tries = 300)
    void twoOctetSessionsRoundTripPathsOfTwoOctetAses(@ForAll @Size(max = 6) List<@IntRange(min = 1, max = 65535) Integer> asns) {
        List<AsPathSegment> segments = asns.isEmpty() ? List.of()
                : List.of(AsPathSegment.sequence(asns.stream().mapToLong(Integer::longValue).toArray()));
        UpdateMessage u = new UpdateMessage(List.of(), List.of(Origin.of(Origin.EGP), AsPath.of(segments),
                NextHop.of(0x0A000001), Aggregator.of(asns.isEmpty() ? 1 : asns.getFirst(), 0x0A000002)),
                List.of(Route.of(Prefix.parse("10.1.0.0/16"))));
        byte[] body = UpdateCodec.encodeBody(u, CodecContext.TWO_OCTET_AS);
        assertThat(UpdateCodec.decode(body, 0, body.length, CodecContext.TWO_OCTET_AS).orThrow()).isEqualTo(u);
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 300) byte[] body, @ForAll boolean fourOctet) {
        UpdateCodec.decode(body, 0, body.length, BIG.withFourOctetAs(fourOctet));
    }

    @AddLifecycleHook(NeedsSharedData.class)
    @Property(tries = 3000)
    void mutatedRealUpdatesNeverThrowAndCleanDecodesReencodeExactly(@ForAll @IntRange(max = 1999) int which,
            @ForAll @IntRange(max = 10_000) int position, @ForAll byte value, @ForAll boolean truncate) {
        byte[] original = realBodies().get(which % realBodies().size());
        byte[] body = original.clone();
        int at = position % body.length;
        if (truncate) {
            body = Arrays.copyOf(body, at);
        } else {
            body[at] = value;
        }
        DecodeResult<UpdateMessage> r = UpdateCodec.decode(body, 0, body.length, BIG);
        if (r instanceof DecodeResult.Decoded<UpdateMessage> d && d.malformations().isEmpty()) {
            assertThat(UpdateCodec.encodeBody(d.value(), BIG)).isEqualTo(body);
        }
    }

    @AddLifecycleHook(NeedsSharedData.class)
    @Property(tries = 500)
    void undefinedOriginInARealUpdateIsTreatAsWithdraw(@ForAll @IntRange(max = 1999) int which,
            @ForAll @IntRange(min = 3, max = 255) int origin) {
        byte[] body = realBodies().get(which % realBodies().size()).clone();
        int at = attributeValueOffset(body, 1);
        net.jqwik.api.Assume.that(at >= 0);
        body[at] = (byte) origin;
        var d = (DecodeResult.Decoded<UpdateMessage>) UpdateCodec.decode(body, 0, body.length, BIG);
        assertThat(d.worstAction()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(d.malformations()).anySatisfy(m -> {
            assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.INVALID_ORIGIN_ATTRIBUTE.code());
            assertThat(m.reason()).contains("ORIGIN value " + origin);
        });
    }

    @AddLifecycleHook(NeedsSharedData.class)
    @Property(tries = 500)
    void optionalBitOnARealAsPathIsAFlagsErrorAndTreatAsWithdraw(@ForAll @IntRange(max = 1999) int which) {
        byte[] body = realBodies().get(which % realBodies().size()).clone();
        int at = attributeValueOffset(body, 2);
        net.jqwik.api.Assume.that(at >= 0);
        int flagsAt = at - ((body[at - 3] & 0x10) != 0 ? 4 : 3);
        body[flagsAt] |= (byte) 0x80;
        var d = (DecodeResult.Decoded<UpdateMessage>) UpdateCodec.decode(body, 0, body.length, BIG);
        assertThat(d.malformations()).singleElement().satisfies(m -> {
            assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
            assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.ATTRIBUTE_FLAGS_ERROR.code());
            assertThat(m.attributeType()).isEqualTo(2);
        });
    }

    /** Offset of the value of the first attribute of {@code type} in an UPDATE body, or -1. */
    private static int attributeValueOffset(byte[] body, int type) {
        int pos = 2 + WireReader.u16(body, 0);
        int end = pos + 2 + WireReader.u16(body, pos);
        pos += 2;
        while (pos + 3 <= end) {
            boolean extended = (body[pos] & 0x10) != 0;
            int header = extended ? 4 : 3;
            int length = extended ? WireReader.u16(body, pos + 2) : body[pos + 2] & 0xFF;
            if ((body[pos + 1] & 0xFF) == type) {
                return length > 0 ? pos + header : -1;
            }
            pos += header + length;
        }
        return -1;
    }

    private static UpdateMessage withoutPathIds(UpdateMessage u) {
        List<PathAttribute> attrs = u.attributes().stream().map(a -> switch (a) {
            case MpReachNlri m -> (PathAttribute) new MpReachNlri(m.flags(), m.family(), m.nextHop(), m.reserved(),
                    strip(m.nlri()), m.opaqueNlri(), false);
            case MpUnreachNlri m -> new MpUnreachNlri(m.flags(), m.family(), strip(m.withdrawn()), m.opaqueNlri());
            default -> a;
        }).toList();
        return new UpdateMessage(strip(u.withdrawn()), attrs, strip(u.nlri()));
    }

    private static List<Route> strip(List<Route> routes) {
        return routes.stream().map(r -> Route.of(r.prefix())).toList();
    }

    /**
     * Messages whose attributes each fit a 1-byte length, so that their flags are already what the encoder sends;
     * the promotion to an extended length is tested in UpdateCodecErrorHandlingTest.
     */
    @Provide
    Arbitrary<UpdateMessage> updates() {
        Arbitrary<List<Route>> v4 = routes(false).list().ofMaxSize(20);
        Arbitrary<List<PathAttribute>> attrs = Combinators.combine(
                Arbitraries.integers().between(0, 2).map(Origin::of),
                segments().list().ofMaxSize(4).map(AsPath::of),
                Arbitraries.integers().map(NextHop::of),
                optional(Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(MultiExitDisc::of)),
                optional(Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(LocalPref::of)),
                optional(Arbitraries.integers().array(int[].class).ofMinSize(1).ofMaxSize(30).map(Communities::of)),
                optional(Arbitraries.integers().array(int[].class).ofMinSize(1).ofMaxSize(5)
                        .map(a -> LargeCommunities.of(triple(a)))),
                optional(Arbitraries.longs().array(long[].class).ofMinSize(1).ofMaxSize(5)
                        .map(ExtendedCommunities::of))
        ).as((o, p, n, med, lp, c, lc, ec) -> {
            List<PathAttribute> l = new ArrayList<>(List.of(o, p, n));
            med.ifPresent(l::add);
            lp.ifPresent(l::add);
            c.ifPresent(l::add);
            lc.ifPresent(l::add);
            ec.ifPresent(l::add);
            return l;
        });
        Arbitrary<List<PathAttribute>> extra = Combinators.combine(
                optional(Arbitraries.just(AtomicAggregate.of())),
                optional(Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(OnlyToCustomer::of)),
                optional(Arbitraries.bytes().array(byte[].class).ofMaxSize(200)
                        .map(b -> new UnknownAttribute(0xC0, 200, b))),
                optional(routes(true).list().ofMinSize(1).ofMaxSize(10).map(r -> MpReachNlri.of(
                        AddressFamily.IPV6_UNICAST, Prefix.parse("2001:db8::1/128").address(), r))),
                optional(routes(true).list().ofMaxSize(10).map(r -> MpUnreachNlri.of(AddressFamily.IPV6_UNICAST, r)))
        ).as((aa, otc, unknown, reach, unreach) -> {
            List<PathAttribute> l = new ArrayList<>();
            aa.ifPresent(l::add);
            otc.ifPresent(l::add);
            unknown.ifPresent(l::add);
            reach.ifPresent(l::add);
            unreach.ifPresent(l::add);
            return l;
        });
        return Combinators.combine(v4, attrs, extra, v4).as((withdrawn, a, e, nlri) -> {
            List<PathAttribute> all = new ArrayList<>(a);
            all.addAll(e);
            return new UpdateMessage(withdrawn, all, nlri);
        });
    }

    private static int[] triple(int[] a) {
        int[] t = new int[a.length * 3];
        for (int i = 0; i < t.length; i++) t[i] = a[i % a.length] * 31 + i;
        return t;
    }

    private static <T> Arbitrary<java.util.Optional<T>> optional(Arbitrary<T> a) {
        return a.optional(0.5);
    }

    private static Arbitrary<AsPathSegment> segments() {
        return Combinators.combine(Arbitraries.of(SegmentType.values()),
                // AS 0 makes a path malformed (RFC 7607): generated paths leave it out.
                Arbitraries.integers().filter(i -> i != 0).array(int[].class).ofMinSize(1).ofMaxSize(12))
                .as(AsPathSegment::new);
    }

    private static Arbitrary<Route> routes(boolean ipv6) {
        int max = ipv6 ? 128 : 32;
        return Combinators.combine(Arbitraries.integers().between(0, max),
                Arbitraries.bytes().array(byte[].class).ofSize(ipv6 ? 16 : 4),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL)).as((len, addr, id) -> new Route(
                Prefix.of(ipv6, len, Arrays.copyOf(addr, (len + 7) / 8)), id));
    }
}
