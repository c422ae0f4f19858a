package org.peerage.policy.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.peerage.bgp.mrt.MrtInput;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.PolicyDataException;
import org.peerage.policy.irr.IrrDatabase;
import org.peerage.policy.irr.PrefixSet;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpTable;

/**
 * Loading and expanding a large IRR dump, and validating routes against a large VRP table. The data is derived at
 * set-up time from ARIN's origin AS export in ../shared/data (107,165 IPv4 and 10,338 IPv6 records): an RPSL dump
 * of all of them as route/route6 objects, plus AS-BENCH, an as-set of the 300 origins with the most prefixes spread
 * over three levels of nested sets (about 60,000 prefixes). The VRPs are the same prefix and origin pairs with
 * maxLength = length + 2. Nothing derived is kept: it lives in a temporary directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseCompactObjectHeaders", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyBenchmark {
    private Path dir;
    private Path dump;
    private IrrDatabase db;
    private VrpTable vrps;
    private Prefix[] routes;
    private long[] origins;
    private int next;

    @Setup(Level.Trial)
    public void derive() throws IOException, PolicyDataException {
        Path root = Path.of(System.getProperty("peerage.root", ".")).toAbsolutePath().normalize();
        Path arin = root.resolveSibling("shared").resolve("data/irr/arin-whois-originas.json.bz2");
        List<String[]> records = readArin(arin);
        dir = Files.createTempDirectory("policy-bench");
        dump = dir.resolve("arin.db");
        Map<String, Integer> perOrigin = new HashMap<>();
        try (BufferedWriter w = Files.newBufferedWriter(dump, StandardCharsets.US_ASCII)) {
            for (String[] r : records) {
                w.write(r[0].indexOf(':') >= 0 ? "route6:  " : "route:   ");
                w.write(r[0]);
                w.write("\ndescr:   derived from ARIN origin AS data\norigin:  ");
                w.write(r[1]);
                w.write("\nmnt-by:  BENCH-MNT\nsource:  BENCH\n\n");
                perOrigin.merge(r[1], 1, Integer::sum);
            }
            List<String> top = perOrigin.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(300)
                    .map(Map.Entry::getKey).toList();
            w.write("as-set:  AS-BENCH\nmembers: AS-BENCH-A, AS-BENCH-B\nsource:  BENCH\n\n");
            for (int s = 0; s < 2; s++) {
                String name = "AS-BENCH-" + (char) ('A' + s);
                w.write("as-set:  " + name + "\nmembers: " + name + "-1, " + name + "-2, AS-BENCH\nsource:  BENCH\n\n");
                for (int t = 1; t <= 2; t++) {
                    w.write("as-set:  " + name + "-" + t + "\nmembers: ");
                    List<String> members = top.subList((s * 2 + t - 1) * 75, (s * 2 + t) * 75);
                    w.write(String.join(",\n         ", members));
                    w.write("\nsource:  BENCH\n\n");
                }
            }
        }
        db = IrrDatabase.load(List.of(dump));
        List<Vrp> list = new ArrayList<>(records.size());
        for (String[] r : records) {
            Prefix p = Prefix.parse(r[0]);
            list.add(new Vrp(p, Math.min(p.length() + 2, p.isIpv6() ? 128 : 32), Long.parseLong(r[1].substring(2)),
                    "arin", 0));
        }
        vrps = VrpTable.of(list);
        Random rnd = new Random(1);
        routes = new Prefix[1 << 16];
        origins = new long[routes.length];
        for (int i = 0; i < routes.length; i++) {
            String[] r = records.get(rnd.nextInt(records.size()));
            Prefix p = Prefix.parse(r[0]);
            int extra = rnd.nextInt(4); // 0-2 VALID by length, 3 INVALID by length
            int len = Math.min(p.length() + extra, p.isIpv6() ? 128 : 32);
            byte[] a = p.address();
            routes[i] = Prefix.of(p.isIpv6(), len, java.util.Arrays.copyOf(a, (len + 7) / 8));
            origins[i] = rnd.nextInt(8) == 0 ? 64496 : Long.parseLong(r[1].substring(2));
        }
    }

    private static List<String[]> readArin(Path arin) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = MrtInput.open(arin.toString()); JsonParser p = new JsonFactory().createParser(in)) {
            String prefix = null;
            String origin = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("prefix")) {
                    p.nextToken();
                    prefix = p.getText();
                } else if (t == JsonToken.FIELD_NAME && p.currentName().equals("originas")) {
                    p.nextToken();
                    origin = p.getText();
                } else if (t == JsonToken.END_OBJECT && prefix != null && origin != null) {
                    out.add(new String[] {prefix, origin});
                    prefix = null;
                    origin = null;
                }
            }
        }
        return out;
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(dump);
        Files.deleteIfExists(dir);
    }

    /** The whole job of `peerage irr expand AS-BENCH`: read the 117,503-object dump, expand, collect prefixes. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int loadAndExpand() throws PolicyDataException {
        IrrDatabase fresh = IrrDatabase.load(List.of(dump));
        PrefixSet set = fresh.routes(fresh.expand("AS-BENCH"));
        return set.size();
    }

    /** Expanding and collecting on a loaded database: what a route server pays per client on a reload. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int expandLoaded() {
        return db.routes(db.expand("AS-BENCH")).size();
    }

    /** One RFC 6811 validation against 116,628 VRPs. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object validate() {
        int i = next++ & (routes.length - 1);
        return vrps.validate(routes[i], origins[i]);
    }
}
