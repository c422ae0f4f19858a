package org.peerage.flow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Decoded flow records in columns of primitives: what the collector produces and attribution consumes at tens of
 * millions of records per second. Times are epoch milliseconds; addresses two longs each (IPv4 mapped into
 * ::ffff:0:0/96, {@link #family} tells 4 or 6); AS numbers, interface indexes and the sampling rate are unsigned
 * 32-bit values held in ints; a sampling rate of 0 means the exporter announced none. The batch grows as records
 * are appended; {@link #clear()} makes it reusable.
 */
public final class FlowBatch {
    private final Exporters exporters;
    private int size;
    private long[] start;
    private long[] end;
    private byte[] family;
    private long[] srcHi;
    private long[] srcLo;
    private long[] dstHi;
    private long[] dstLo;
    private byte[] protocol;
    private char[] srcPort;
    private char[] dstPort;
    private byte[] tcpFlags;
    private long[] bytes;
    private long[] packets;
    private int[] samplingRate;
    private int[] inIf;
    private int[] outIf;
    private int[] srcAs;
    private int[] dstAs;
    private int[] exporter;

    public FlowBatch(Exporters exporters, int initialCapacity) {
        this.exporters = exporters;
        allocate(Math.max(16, initialCapacity));
    }

    public FlowBatch(Exporters exporters) {
        this(exporters, 1024);
    }

    private void allocate(int capacity) {
        start = grow(start, capacity);
        end = grow(end, capacity);
        family = grow(family, capacity);
        srcHi = grow(srcHi, capacity);
        srcLo = grow(srcLo, capacity);
        dstHi = grow(dstHi, capacity);
        dstLo = grow(dstLo, capacity);
        protocol = grow(protocol, capacity);
        srcPort = grow(srcPort, capacity);
        dstPort = grow(dstPort, capacity);
        tcpFlags = grow(tcpFlags, capacity);
        bytes = grow(bytes, capacity);
        packets = grow(packets, capacity);
        samplingRate = grow(samplingRate, capacity);
        inIf = grow(inIf, capacity);
        outIf = grow(outIf, capacity);
        srcAs = grow(srcAs, capacity);
        dstAs = grow(dstAs, capacity);
        exporter = grow(exporter, capacity);
    }

    private static long[] grow(long[] a, int n) {
        return a == null ? new long[n] : Arrays.copyOf(a, n);
    }

    private static int[] grow(int[] a, int n) {
        return a == null ? new int[n] : Arrays.copyOf(a, n);
    }

    private static byte[] grow(byte[] a, int n) {
        return a == null ? new byte[n] : Arrays.copyOf(a, n);
    }

    private static char[] grow(char[] a, int n) {
        return a == null ? new char[n] : Arrays.copyOf(a, n);
    }

    public void append(FlowFields f) {
        if (size == start.length) {
            allocate(size * 2);
        }
        int i = size++;
        start[i] = f.startMillis;
        end[i] = f.endMillis;
        family[i] = (byte) f.family;
        srcHi[i] = f.srcHi;
        srcLo[i] = f.srcLo;
        dstHi[i] = f.dstHi;
        dstLo[i] = f.dstLo;
        protocol[i] = (byte) f.protocol;
        srcPort[i] = (char) f.srcPort;
        dstPort[i] = (char) f.dstPort;
        tcpFlags[i] = (byte) f.tcpFlags;
        bytes[i] = f.bytes;
        packets[i] = f.packets;
        samplingRate[i] = f.samplingRate;
        inIf[i] = f.inIf;
        outIf[i] = f.outIf;
        srcAs[i] = f.srcAs;
        dstAs[i] = f.dstAs;
        exporter[i] = f.exporter;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public Exporters exporters() {
        return exporters;
    }

    public long startMillis(int i) {
        return start[i];
    }

    public long endMillis(int i) {
        return end[i];
    }

    /** 4 or 6; 0 for a record whose exporter sent no addresses. */
    public int family(int i) {
        return family[i];
    }

    public long srcHi(int i) {
        return srcHi[i];
    }

    public long srcLo(int i) {
        return srcLo[i];
    }

    public long dstHi(int i) {
        return dstHi[i];
    }

    public long dstLo(int i) {
        return dstLo[i];
    }

    public int protocol(int i) {
        return protocol[i] & 0xFF;
    }

    public int srcPort(int i) {
        return srcPort[i];
    }

    public int dstPort(int i) {
        return dstPort[i];
    }

    public int tcpFlags(int i) {
        return tcpFlags[i] & 0xFF;
    }

    public long bytes(int i) {
        return bytes[i];
    }

    public long packets(int i) {
        return packets[i];
    }

    public int samplingRate(int i) {
        return samplingRate[i];
    }

    public int inIf(int i) {
        return inIf[i];
    }

    public int outIf(int i) {
        return outIf[i];
    }

    public int srcAs(int i) {
        return srcAs[i];
    }

    public int dstAs(int i) {
        return dstAs[i];
    }

    public int exporter(int i) {
        return exporter[i];
    }

    /** Record {@code i} as a value, for tests, tools and output; the hot paths read the columns. */
    public FlowRecord record(int i) {
        return new FlowRecord(start[i], end[i], address(family[i], srcHi[i], srcLo[i]),
                address(family[i], dstHi[i], dstLo[i]), protocol(i), srcPort[i], dstPort[i], tcpFlags(i), bytes[i],
                packets[i], Integer.toUnsignedLong(samplingRate[i]), Integer.toUnsignedLong(inIf[i]),
                Integer.toUnsignedLong(outIf[i]), Integer.toUnsignedLong(srcAs[i]), Integer.toUnsignedLong(dstAs[i]),
                exporters.address(exporter[i]));
    }

    /** The address held in two longs, or null for family 0. */
    public static InetAddress address(int family, long hi, long lo) {
        byte[] b;
        if (family == 4) {
            b = new byte[] {(byte) (lo >>> 24), (byte) (lo >>> 16), (byte) (lo >>> 8), (byte) lo};
        } else if (family == 6) {
            b = new byte[16];
            for (int k = 0; k < 8; k++) {
                b[k] = (byte) (hi >>> (56 - 8 * k));
                b[8 + k] = (byte) (lo >>> (56 - 8 * k));
            }
        } else {
            return null;
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
