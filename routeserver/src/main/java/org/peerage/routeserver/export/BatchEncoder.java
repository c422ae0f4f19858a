package org.peerage.routeserver.export;

import com.carrotsearch.hppc.IntIntHashMap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AttributeFlags;
import org.peerage.bgp.wire.attr.AttributeType;

/**
 * Encodes the {@link ExportPlan}s of one batch of prefix slots straight into one direct buffer per distinct (plan,
 * sending context): every receiver with the same plan writes a duplicate of the same bytes, with no per-route
 * objects, no copy per receiver and one write per receiver. The UPDATEs are those {@code UpdatePacker} makes for the
 * same routes (withdrawals first, IPv4 then IPv6; then one group per form in order of first appearance; IPv4 with an
 * IPv4 next hop in the NLRI field, IPv6 and RFC 8950 in MP_REACH_NLRI), byte for byte. One encoder per batch, on the
 * RIB thread; {@link #release} once every receiver has been handed its duplicate.
 */
public final class BatchEncoder {
    private static final int UPDATE = 2;
    private static final byte[] NOTHING = new byte[0];
    private static final int NEXT_HOP = AttributeType.NEXT_HOP.code();
    private static final int NEXT_HOP_FLAGS = AttributeType.NEXT_HOP.category().flags();
    private static final int MP_REACH = AttributeType.MP_REACH_NLRI.code();
    private static final int MP_UNREACH = AttributeType.MP_UNREACH_NLRI.code();
    private static final int MP_REACH_FLAGS = AttributeType.MP_REACH_NLRI.category().flags()
            | AttributeFlags.EXTENDED_LENGTH;
    private static final int MP_UNREACH_FLAGS = AttributeType.MP_UNREACH_NLRI.category().flags()
            | AttributeFlags.EXTENDED_LENGTH;

    private final Prefix[] prefixes;
    private final Map<Key, Encoded> done = new HashMap<>();
    private long encoded;
    private long shared;

    /** The batch's prefixes, by plan position (null where a slot has no prefix any more). */
    public BatchEncoder(Prefix[] prefixes) {
        this.prefixes = prefixes;
    }

    public Prefix[] prefixes() {
        return prefixes;
    }

    /** UPDATEs of a plan in one buffer, and how many messages it holds. */
    public record Encoded(ByteBuf buffer, int messages) {
    }

    private record Key(CodecContext ctx, ExportPlan plan) {
    }

    /** The encoding of {@code plan} for receivers with {@code ctx}: the caller writes a retained duplicate. */
    public Encoded encode(ExportPlan plan, CodecContext ctx) {
        Key key = new Key(ctx, plan);
        Encoded e = done.get(key);
        if (e != null) {
            shared += e.messages();
            return e;
        }
        e = write(plan, ctx);
        encoded += e.messages();
        done.put(key, e);
        return e;
    }

    /** Gives up this encoder's references; buffers still queued for a receiver live until written. */
    public void release() {
        for (Encoded e : done.values()) e.buffer().release();
        done.clear();
    }

    /** UPDATEs encoded, and UPDATEs reused for another receiver, so far. */
    public long[] counts() {
        return new long[] {encoded, shared};
    }

    private Encoded write(ExportPlan plan, CodecContext ctx) {
        ByteBuf out = ByteBufAllocator.DEFAULT.directBuffer(estimate(plan));
        int messages = withdrawals(out, plan, false, ctx) + withdrawals(out, plan, true, ctx);
        int[] order = formOrder(plan);
        for (int start = 0; start < order.length; ) {
            int end = start + 1;
            int serial = plan.serials[order[start]];
            boolean ipv6 = prefixes[order[start]].isIpv6();
            while (end < order.length && plan.serials[order[end]] == serial
                    && prefixes[order[end]].isIpv6() == ipv6) {
                end++;
            }
            messages += announcements(out, plan, order, start, end, ctx);
            start = end;
        }
        return new Encoded(out, messages);
    }

    /** A first guess at the buffer's size: prefixes plus a message's overhead per few routes. */
    private int estimate(ExportPlan plan) {
        return 64 + plan.routeCount() * 8;
    }

    /**
     * Positions of the announcements grouped by form in order of first appearance, IPv4 before IPv6 within a form
     * (positions ascending within each group).
     */
    private int[] formOrder(ExportPlan plan) {
        int n = 0;
        for (int s : plan.serials) if (s > 0) n++;
        IntIntHashMap rank = new IntIntHashMap(Math.min(n, 1024));
        long[] keyed = new long[n];
        int k = 0;
        for (int i = 0; i < plan.size(); i++) {
            int s = plan.serials[i];
            if (s <= 0) continue;
            int r = rank.getOrDefault(s, -1);
            if (r < 0) {
                r = rank.size();
                rank.put(s, r);
            }
            keyed[k++] = (long) (r * 2 + (prefixes[i].isIpv6() ? 1 : 0)) << 32 | i;
        }
        Arrays.sort(keyed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = (int) keyed[i];
        return order;
    }

    private int withdrawals(ByteBuf out, ExportPlan plan, boolean ipv6, CodecContext ctx) {
        int max = ctx.maxMessageLength();
        int fixed = BgpMessageCodec.HEADER_LENGTH + 4 + (ipv6 ? 7 : 0);
        int messages = 0;
        int i = next(plan, 0, ipv6);
        while (i < plan.size()) {
            int start = header(out);
            int field;
            if (ipv6) {
                out.writeShort(0);
                field = out.writerIndex();
                out.writeShort(0);
                out.writeByte(MP_UNREACH_FLAGS).writeByte(MP_UNREACH).writeShort(0);
                out.writeShort(AddressFamily.AFI_IPV6).writeByte(AddressFamily.SAFI_UNICAST);
            } else {
                field = out.writerIndex();
                out.writeShort(0);
            }
            int size = fixed;
            do {
                size += prefix(out, prefixes[i]);
                i = next(plan, i + 1, ipv6);
            } while (i < plan.size() && size + 1 + prefixes[i].byteCount() <= max);
            if (ipv6) {
                out.setShort(field, out.writerIndex() - field - 2);
                out.setShort(field + 4, out.writerIndex() - field - 6);
            } else {
                out.setShort(field, out.writerIndex() - field - 2);
                out.writeShort(0);
            }
            out.setShort(start + 16, out.writerIndex() - start);
            messages++;
        }
        return messages;
    }

    /** The next withdrawal of the family at or after {@code i}, or the plan's size. */
    private int next(ExportPlan plan, int i, boolean ipv6) {
        while (i < plan.size() && !(plan.serials[i] == ExportPlan.WITHDRAW && prefixes[i].isIpv6() == ipv6)) i++;
        return i;
    }

    /** The routes of one form, positions {@code order[start..end)}: as many UPDATEs as the length limit needs. */
    private int announcements(ByteBuf out, ExportPlan plan, int[] order, int start, int end, CodecContext ctx) {
        ExportForm form = plan.forms[order[start]];
        boolean ipv6 = prefixes[order[start]].isIpv6();
        byte[] nextHop = form.nextHop();
        boolean multiprotocol = ipv6 || nextHop.length != 4;
        byte[] stored = multiprotocol || !ctx.fourOctetAs() ? null : form.storedWithNextHop();
        // The next hop takes its place by type code: NEXT_HOP (3), or MP_REACH_NLRI (14) around the routes; a set
        // as received has it there already.
        byte[] before;
        byte[] after;
        if (stored != null) {
            before = stored;
            after = NOTHING;
        } else if (multiprotocol) {
            byte[] encoded = form.encoded(ctx.fourOctetAs());
            int split = ExportForm.firstAbove(encoded, MP_REACH);
            before = Arrays.copyOfRange(encoded, 0, split);
            after = Arrays.copyOfRange(encoded, split, encoded.length);
        } else {
            byte[] encoded = form.encoded(ctx.fourOctetAs());
            int split = ExportForm.firstAbove(encoded, NEXT_HOP);
            before = new byte[encoded.length + 7];
            System.arraycopy(encoded, 0, before, 0, split);
            before[split] = (byte) NEXT_HOP_FLAGS;
            before[split + 1] = (byte) NEXT_HOP;
            before[split + 2] = 4;
            System.arraycopy(nextHop, 0, before, split + 3, 4);
            System.arraycopy(encoded, split, before, split + 7, encoded.length - split);
            after = NOTHING;
        }
        int fixed = BgpMessageCodec.HEADER_LENGTH + 4 + before.length + after.length
                + (multiprotocol ? 4 + 3 + 1 + nextHop.length + 1 : 0);
        int max = ctx.maxMessageLength();
        int messages = 0;
        int j = start;
        while (j < end) {
            int begin = header(out);
            out.writeShort(0); // no withdrawn routes
            int attributes = out.writerIndex();
            out.writeShort(0);
            out.writeBytes(before);
            int reach = 0;
            if (multiprotocol) {
                out.writeByte(MP_REACH_FLAGS).writeByte(MP_REACH);
                reach = out.writerIndex();
                out.writeShort(0);
                out.writeShort(ipv6 ? AddressFamily.AFI_IPV6 : AddressFamily.AFI_IPV4)
                        .writeByte(AddressFamily.SAFI_UNICAST).writeByte(nextHop.length).writeBytes(nextHop)
                        .writeByte(0);
            } else {
                out.setShort(attributes, before.length);
            }
            int size = fixed;
            do {
                size += prefix(out, prefixes[order[j]]);
                j++;
            } while (j < end && size + 1 + prefixes[order[j]].byteCount() <= max);
            if (multiprotocol) {
                out.setShort(reach, out.writerIndex() - reach - 2);
                out.writeBytes(after);
                out.setShort(attributes, out.writerIndex() - attributes - 2);
            }
            out.setShort(begin + 16, out.writerIndex() - begin);
            messages++;
        }
        return messages;
    }

    /** The offset of the first attribute with a type code above {@code type} in encoded attributes, or the end. */
    /** Marker, a length to fill in, type UPDATE; returns where the message starts. */
    private static int header(ByteBuf out) {
        int start = out.writerIndex();
        out.writeLong(-1L).writeLong(-1L).writeShort(0).writeByte(UPDATE);
        return start;
    }

    /** Length byte and significant bytes; returns the bytes written. */
    private static int prefix(ByteBuf out, Prefix p) {
        out.writeByte(p.length());
        for (int b = 0; b < p.byteCount(); b++) out.writeByte(p.byteAt(b));
        return 1 + p.byteCount();
    }
}
