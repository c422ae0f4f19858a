package org.peerage.routeserver;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.FrameResult;
import org.peerage.bgp.wire.KeepaliveMessage;
import org.peerage.bgp.wire.UpdateMessage;

/**
 * A BGP client on a plain socket: it opens the session, sends the UPDATEs a test builds exactly as built (no AS of
 * its own prepended), and reads nothing until asked (KEEPALIVEs keep it alive from another thread), so the route
 * server's TCP window to it fills up; {@link #readAll} reads.
 */
final class RawBgpClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Thread keepalive;
    private volatile boolean open = true;

    RawBgpClient(String local, String rs, int port, long asn) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
        socket.connect(new InetSocketAddress(rs, port), 5000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        PeerConfig config = PeerConfig.of(asn, 0x0A0000FE, 0).withHoldTime(30);
        out.write(BgpMessageCodec.encode(config.open(), CodecContext.DEFAULT));
        readMessage(); // the route server's OPEN
        send(KeepaliveMessage.INSTANCE);
        readMessage(); // its KEEPALIVE: Established
        keepalive = Thread.ofVirtual().start(() -> {
            while (open) {
                try {
                    Thread.sleep(3000);
                    send(KeepaliveMessage.INSTANCE);
                } catch (InterruptedException | IOException e) {
                    return;
                }
            }
        });
    }

    /** Sends a message as it is (4-octet AS encoding). */
    synchronized void send(org.peerage.bgp.wire.BgpMessage m) throws IOException {
        out.write(BgpMessageCodec.encode(m, CodecContext.DEFAULT));
        out.flush();
    }

    private byte[] readMessage() throws IOException {
        byte[] header = new byte[BgpMessageCodec.HEADER_LENGTH];
        in.readFully(header);
        int length = (header[16] & 0xFF) << 8 | header[17] & 0xFF;
        byte[] m = Arrays.copyOf(header, length);
        in.readFully(m, header.length, length - header.length);
        return m;
    }

    /**
     * Reads on until {@code expected} IPv4 prefixes were announced, or nothing arrives for 10 s; returns how many
     * distinct prefixes it saw.
     */
    int readAll(int expected) throws IOException {
        socket.setSoTimeout(10_000);
        java.util.Set<org.peerage.bgp.wire.Prefix> seen = new java.util.HashSet<>();
        try {
            while (seen.size() < expected) {
                byte[] m = readMessage();
                FrameResult r = BgpMessageCodec.decode(m, 0, m.length, CodecContext.DEFAULT);
                if (r instanceof FrameResult.Message msg && msg.message() instanceof UpdateMessage u) {
                    u.nlri().forEach(route -> seen.add(route.prefix()));
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // what arrived is the answer
        }
        return seen.size();
    }

    @Override
    public void close() throws IOException {
        open = false;
        keepalive.interrupt();
        socket.close();
    }
}
