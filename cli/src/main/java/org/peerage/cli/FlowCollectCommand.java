package org.peerage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.peerage.flow.collect.CollectorStats;
import org.peerage.flow.collect.DeferredSink;
import org.peerage.flow.collect.FlowSink;
import org.peerage.flow.collect.UdpCollector;
import org.peerage.flow.store.FlowFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peerage flow collect}: a UDP collector for NetFlow v5/v9, IPFIX and sFlow v5. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Receive NetFlow v5/v9, IPFIX and sFlow v5 on UDP and write the flow records.",
                "Runs until --duration has passed or SIGINT/SIGTERM, then prints counters per exporter (packets, "
                        + "records, templates, malformed, sequence gaps, data waiting for a template). Malformed "
                        + "datagrams are logged on standard error with their exporter."})
final class FlowCollectCommand implements Callable<Integer> {
    @Option(names = "--listen", required = true, paramLabel = "ADDR:PORT",
            description = "Address and UDP port to receive on (repeat for more; [v6]:PORT for IPv6).")
    List<String> listen = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the flow records to FILE.csv or "
            + "FILE.parquet (by extension). Without it they are only counted.")
    Path out;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long (60s, 5m, 1h...).")
    String duration;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String l : listen) {
            addresses.add(Addresses.socket(l, "--listen"));
        }
        Duration limit = duration == null ? null : Durations.parse(duration, "--duration");
        if (out != null) {
            FlowFiles.checkWritable(out);
        }
        FlowSink sink = out == null ? batch -> { } : new DeferredSink(() -> FlowFiles.writer(out));
        UdpCollector collector;
        try {
            collector = new UdpCollector(addresses, sink, line -> {
                synchronized (err) {
                    err.println("peerage flow collect: " + line);
                }
            });
        } catch (IOException e) {
            sink.close();
            throw e;
        }
        int granted = collector.receiveBufferSize();
        err.println("peerage flow collect: listening on " + String.join(", ", listen) + " (receive buffer "
                + granted + " bytes)");
        if (granted < UdpCollector.RECEIVE_BUFFER) {
            err.println("peerage flow collect: the kernel granted a smaller receive buffer than the "
                    + UdpCollector.RECEIVE_BUFFER + " bytes asked for; bursts may be dropped (raise "
                    + "net.core.rmem_max)");
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        if (limit == null) {
            stop.await();
        } else {
            stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            CollectorStats stats;
            try {
                stats = collector.stop();
            } finally {
                sink.close();
            }
            stats.print(System.out);
            System.out.flush();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Stopped by a signal: the hook is running and waits for us.
            }
        }
        return 0;
    }
}
