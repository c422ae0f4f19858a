package org.peerage.bgp.testdata;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.peerage.bgp.wire.BgpMessage;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.FrameResult;
import org.peerage.bgp.wire.KeepaliveMessage;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.WireReader;

/** A hand-driven BGP peer on a plain socket, for tests that need to misbehave on purpose. */
public final class RawPeer implements AutoCloseable {
    private final ServerSocket server;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    public RawPeer(InetAddress address, int port) throws IOException {
        server = new ServerSocket(port, 4, address);
    }

    public void accept() throws IOException {
        socket = server.accept();
        socket.setSoTimeout(15_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Reads one whole message, or null at end of stream. */
    public BgpMessage read(CodecContext ctx) throws IOException {
        byte[] header = new byte[19];
        try {
            in.readFully(header);
        } catch (java.io.EOFException e) {
            return null;
        }
        int length = WireReader.u16(header, 16);
        byte[] msg = new byte[length];
        System.arraycopy(header, 0, msg, 0, 19);
        in.readFully(msg, 19, length - 19);
        FrameResult r = BgpMessageCodec.decode(msg, 0, msg.length, ctx);
        return ((FrameResult.Message) r).message();
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void send(BgpMessage m, CodecContext ctx) throws IOException {
        write(BgpMessageCodec.encode(m, ctx));
    }

    /** Reads the session's OPEN, answers with {@code ours} and a KEEPALIVE, and reads its KEEPALIVE. */
    public OpenMessage handshake(OpenMessage ours) throws IOException {
        OpenMessage theirs = (OpenMessage) read(CodecContext.DEFAULT);
        send(ours, CodecContext.DEFAULT);
        send(KeepaliveMessage.INSTANCE, CodecContext.DEFAULT);
        BgpMessage k = read(CodecContext.DEFAULT);
        if (!(k instanceof KeepaliveMessage)) {
            throw new IOException("expected KEEPALIVE, got " + k);
        }
        return theirs;
    }

    /** Closes the connection without a NOTIFICATION, as a crashing router would; the listening socket stays. */
    public void dropConnection() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
        socket = null;
    }

    @Override
    public void close() throws IOException {
        if (socket != null) socket.close();
        server.close();
    }
}
