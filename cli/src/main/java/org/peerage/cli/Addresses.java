package org.peerage.cli;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.WireReader;

/** Command-line address parsing with errors that name the option. */
final class Addresses {
    private Addresses() {
    }

    /** "ADDR:PORT", or "[v6]:PORT". */
    static InetSocketAddress socket(String text, String option) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(option + " " + text + ": expected ADDRESS:PORT");
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        try {
            return new InetSocketAddress(InetAddress.getByAddress(InetText.parseAddress(host)),
                    Integer.parseInt(text.substring(colon + 1)));
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw new IllegalArgumentException(option + " " + text + ": " + e.getMessage());
        }
    }

    static int ipv4(String text, String option) {
        byte[] b;
        try {
            b = InetText.parseAddress(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + text + ": not a dotted quad");
        }
        if (b.length != 4) {
            throw new IllegalArgumentException(option + " " + text + ": not a dotted quad");
        }
        return WireReader.i32(b, 0);
    }

    /** The address {@code n} after {@code base} (127.1.0.1 + 2 = 127.1.0.3). */
    static InetAddress plus(InetAddress base, int n) {
        byte[] a = base.getAddress();
        byte[] sum = new BigInteger(1, a).add(BigInteger.valueOf(n)).toByteArray();
        byte[] out = new byte[a.length];
        int copy = Math.min(sum.length, out.length);
        System.arraycopy(sum, sum.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
