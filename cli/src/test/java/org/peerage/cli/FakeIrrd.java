package org.peerage.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.irr.AsSetExpansion;
import org.peerage.policy.irr.IrrDatabase;

/**
 * Just enough of IRRd's whois protocol, on loopback, for bgpq4 to query an {@link IrrDatabase}: "!i" (as-set,
 * recursive), "!g"/"!6" (routes by origin), "!s" and "!a" handshakes. It lets the tests run the real bgpq4 on
 * the same data as peerage and compare the output byte for byte.
 */
final class FakeIrrd implements AutoCloseable {
    private final IrrDatabase db;
    private final ServerSocket server;
    private final Thread acceptor;

    FakeIrrd(IrrDatabase db) throws IOException {
        this.db = db;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = s.getOutputStream()) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("!!")) {
                    continue;
                }
                if (line.equals("!q")) {
                    return;
                }
                out.write(answer(line).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private String answer(String q) {
        if (q.startsWith("!n") || (q.startsWith("!s") && !q.equals("!s-lc"))) {
            return "C\n";
        }
        if (q.equals("!s-lc")) {
            return data(String.join(",", db.sources()));
        }
        if (q.startsWith("!i")) {
            String set = q.substring(2);
            if (set.endsWith(",1")) {
                set = set.substring(0, set.length() - 2);
            }
            AsSetExpansion e = db.expand(set);
            if (e.asns().length == 0) {
                return "D\n";
            }
            StringJoiner j = new StringJoiner(" ");
            for (long asn : e.asns()) {
                j.add("AS" + asn);
            }
            return data(j.toString());
        }
        if (q.startsWith("!g") || q.startsWith("!6")) {
            long asn = Long.parseLong(q.substring(2).replaceFirst("(?i)^as", ""));
            List<Prefix> ps = db.routesOf(asn).prefixes(q.charAt(1) == '6');
            if (ps.isEmpty()) {
                return "D\n";
            }
            StringJoiner j = new StringJoiner(" ");
            ps.forEach(p -> j.add(p.toString()));
            return data(j.toString());
        }
        if (q.startsWith("!a")) {
            return "D\n";
        }
        return "F unsupported query\n";
    }

    private static String data(String payload) {
        return "A" + (payload.length() + 1) + "\n" + payload + "\nC\n";
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
