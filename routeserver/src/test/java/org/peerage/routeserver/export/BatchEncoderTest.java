package org.peerage.routeserver.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.speaker.ExportPolicy;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.FrameResult;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AttributeEncoder;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * The batch encoder against the per-route path it replaces ({@link Changes} through {@link Encoder}, i.e.
 * UpdatePacker): for the same routes the same UPDATEs, byte for byte, over random batches of IPv4 and IPv6 routes,
 * withdrawals, RFC 8950 next hops, receivers without 4-octet AS and the standard and extended message sizes.
 */
class BatchEncoderTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sameBytesAsThePerRouteEncoder() {
        Random random = new Random(7947);
        for (int round = 0; round < 400; round++) {
            List<ExportForm> forms = forms(random, 1 + random.nextInt(6));
            int n = 1 + random.nextInt(random.nextBoolean() ? 40 : 1500);
            Prefix[] prefixes = new Prefix[n];
            ExportPlan plan = new ExportPlan(n);
            Changes changes = new Changes();
            for (int i = 0; i < n; i++) {
                int what = random.nextInt(10);
                if (what == 0) continue; // freed slot
                boolean ipv6 = random.nextInt(4) == 0;
                prefixes[i] = prefix(random, ipv6);
                if (what == 1) continue; // unchanged
                if (what == 2) {
                    plan.withdraw(i);
                    changes.withdraw(Route.of(prefixes[i]));
                    continue;
                }
                ExportForm f = pick(random, forms, ipv6);
                plan.announce(i, f);
                changes.announce(f, Route.of(prefixes[i]));
            }
            CodecContext ctx = new CodecContext(random.nextInt(4) != 0, Set.of(),
                    random.nextInt(5) == 0 ? CodecContext.EXTENDED_MAX_LENGTH : CodecContext.STANDARD_MAX_LENGTH);
            BatchEncoder batch = new BatchEncoder(prefixes);
            BatchEncoder.Encoded e = batch.encode(plan, ctx);
            byte[] got = ByteBufUtil.getBytes(e.buffer());
            List<byte[]> expected = new Encoder().encode(changes, ctx);
            assertThat(HEX.formatHex(got)).as("round %d: %d positions, %s", round, n, ctx)
                    .isEqualTo(HEX.formatHex(concat(expected)));
            assertThat(e.messages()).isEqualTo(expected.size());
            assertThat(plan.routeCount()).isEqualTo(changes.routeCount());
            batch.release();
            assertThat(e.buffer().refCnt()).as("released").isZero();
        }
    }

    @Test
    void receiversWithTheSamePlanShareOneBuffer() {
        Prefix[] prefixes = {Prefix.parse("192.0.2.0/24"), Prefix.parse("198.51.100.0/24")};
        ExportForm form = forms(new Random(1), 1).getFirst();
        ExportPlan a = new ExportPlan(2);
        ExportPlan b = new ExportPlan(2);
        ExportPlan c = new ExportPlan(2);
        a.announce(0, form);
        b.announce(0, form);
        c.announce(0, form);
        c.withdraw(1);
        BatchEncoder batch = new BatchEncoder(prefixes);
        ByteBuf first = batch.encode(a, CodecContext.DEFAULT).buffer();
        assertThat(batch.encode(b, CodecContext.DEFAULT).buffer()).as("equal plan, equal context").isSameAs(first);
        assertThat(batch.encode(c, CodecContext.DEFAULT).buffer()).as("another plan").isNotSameAs(first);
        assertThat(batch.encode(a, CodecContext.TWO_OCTET_AS).buffer()).as("another context").isNotSameAs(first);
        assertThat(batch.counts()).containsExactly(4, 1);
        batch.release();
    }

    @Test
    void everyMessageDecodesToWhatThePlanSays() {
        Prefix v4 = Prefix.parse("203.0.113.0/24");
        Prefix v6 = Prefix.parse("2001:db8::/32");
        Prefix gone = Prefix.parse("2001:db8:1::/48");
        List<ExportForm> forms = forms(new Random(3), 4);
        ExportForm v4Form = pick(new Random(3), forms, false);
        ExportForm v6Form = pick(new Random(3), forms, true);
        ExportPlan plan = new ExportPlan(3);
        plan.announce(0, v4Form);
        plan.announce(1, v6Form);
        plan.withdraw(2);
        BatchEncoder batch = new BatchEncoder(new Prefix[] {v4, v6, gone});
        byte[] bytes = ByteBufUtil.getBytes(batch.encode(plan, CodecContext.DEFAULT).buffer());
        List<UpdateMessage> updates = new ArrayList<>();
        for (int off = 0; off < bytes.length; ) {
            FrameResult r = BgpMessageCodec.decode(bytes, off, bytes.length - off, CodecContext.DEFAULT);
            assertThat(r).isInstanceOf(FrameResult.Message.class);
            FrameResult.Message f = (FrameResult.Message) r;
            assertThat(f.malformations()).isEmpty();
            updates.add((UpdateMessage) f.message());
            off += f.length();
        }
        assertThat(updates).hasSize(3);
        assertThat(updates.get(0).mpUnreach().withdrawn()).extracting(Route::prefix).containsExactly(gone);
        UpdateMessage first = updates.get(1);
        assertThat(first.mpReach() == null ? first.nlri() : first.mpReach().nlri()).extracting(Route::prefix)
                .containsExactly(v4);
        assertThat(first.attributes()).as("the form's attributes, and the next hop")
                .containsAll(v4Form.attributes(true));
        assertThat(updates.get(2).mpReach().nlri()).extracting(Route::prefix).containsExactly(v6);
        assertThat(updates.get(2).mpReach().nextHop()).isEqualTo(v6Form.nextHop());
        batch.release();
    }

    private static byte[] concat(List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) out.writeBytes(m);
        return out.toByteArray();
    }

    private static ExportForm pick(Random random, List<ExportForm> forms, boolean ipv6) {
        List<ExportForm> family = new ArrayList<>();
        for (ExportForm f : forms) {
            if (!ipv6 || f.nextHop().length != 4) family.add(f); // IPv4 routes take IPv6 next hops too (RFC 8950)
        }
        return family.get(random.nextInt(family.size()));
    }

    /** Forms of both families: IPv4 next hops, IPv6 ones (also usable by IPv4 routes over RFC 8950). */
    private static List<ExportForm> forms(Random random, int n) {
        List<ExportForm> forms = new ArrayList<>();
        for (int i = 0; i < n + 2; i++) {
            boolean v6NextHop = i == 1 || i > 1 && random.nextBoolean();
            List<PathAttribute> kept = new ArrayList<>();
            kept.add(Origin.of(random.nextInt(3)));
            if (random.nextBoolean()) kept.add(MultiExitDisc.of(random.nextInt(1000)));
            int[] communities = new int[random.nextInt(random.nextBoolean() ? 3 : 90)];
            for (int c = 0; c < communities.length; c++) communities[c] = random.nextInt();
            if (communities.length > 0) {
                kept.add(new Communities(AttributeType.COMMUNITIES.category().flags(), communities));
            }
            long[] asns = new long[1 + random.nextInt(6)];
            for (int a = 0; a < asns.length; a++) {
                asns[a] = random.nextBoolean() ? 64_512 + random.nextInt(1000) : 4_200_000_000L + random.nextInt(9);
            }
            List<AsPathSegment> segments = List.of(AsPathSegment.sequence(asns));
            byte[] nextHop = new byte[v6NextHop ? (random.nextBoolean() ? 16 : 32) : 4];
            random.nextBytes(nextHop);
            List<PathAttribute> attributes = ExportPolicy.transparent(kept, segments, true);
            forms.add(new ExportForm(i + 1, 1, attributes, nextHop, v6NextHop ? null : stored(random, attributes,
                    nextHop)));
        }
        return forms;
    }

    /**
     * An attribute set's stored encoding for a form with an IPv4 next hop: none, the form plus its own next hop
     * (which the encoder sends as it is), or plus another next hop (which it must not).
     */
    private static byte[] stored(Random random, List<PathAttribute> attributes, byte[] nextHop) {
        int choice = random.nextInt(3);
        if (choice == 0) return null;
        byte[] hop = nextHop.clone();
        if (choice == 2) hop[3]++;
        List<PathAttribute> withNextHop = new ArrayList<>(attributes);
        withNextHop.add(NextHop.of(ByteBuffer.wrap(hop).getInt()));
        withNextHop.sort(Comparator.comparingInt(PathAttribute::typeCode));
        WireWriter w = new WireWriter(128);
        AttributeEncoder.encode(w, withNextHop, CodecContext.DEFAULT.withMaxMessageLength(
                CodecContext.EXTENDED_MAX_LENGTH));
        return w.toByteArray();
    }

    private static Prefix prefix(Random random, boolean ipv6) {
        int length = ipv6 ? 16 + random.nextInt(113) : 8 + random.nextInt(25);
        byte[] bytes = new byte[(length + 7) / 8];
        random.nextBytes(bytes);
        if (length % 8 != 0) bytes[bytes.length - 1] &= (byte) (0xFF << (8 - length % 8));
        return Prefix.of(ipv6, length, bytes);
    }
}
