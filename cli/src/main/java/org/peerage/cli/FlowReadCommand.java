package org.peerage.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import org.peerage.flow.Exporters;
import org.peerage.flow.collect.FlowCollector;
import org.peerage.flow.collect.FlowSink;
import org.peerage.flow.collect.PcapReplay;
import org.peerage.flow.pcap.PcapReader;
import org.peerage.flow.store.FlowText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage flow read}: the flow records in captures of export traffic. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Decode the NetFlow/IPFIX/sFlow datagrams in pcap or pcapng files (plain, gzip, bzip2 or "
                + "xz) and print one line per flow record.",
                "Files are read in the order given with one template cache, so a capture of templates followed by "
                        + "one of data decodes. Counters per exporter go to standard error at the end."})
final class FlowReadCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Capture files ('-' for standard input).")
    List<String> files;

    @Option(names = "--json", description = "One JSON object per line instead of text (see docs/flows.md).")
    boolean json;

    @Option(names = "--port", defaultValue = "0", paramLabel = "PORT",
            description = "Only datagrams to this UDP port (default: every UDP datagram).")
    int port;

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        JsonGenerator g = json ? new JsonFactory().createGenerator(stdout)
                .setPrettyPrinter(new MinimalPrettyPrinter("\n")) : null;
        FlowSink sink = batch -> {
            for (int i = 0; i < batch.size(); i++) {
                if (g != null) {
                    FlowText.json(g, batch, i);
                } else {
                    stdout.write(FlowText.line(batch, i).getBytes(StandardCharsets.US_ASCII));
                    stdout.write('\n');
                }
            }
        };
        FlowCollector collector = new FlowCollector(new Exporters(), sink, line -> {
            flush(g, stdout);
            err.println("peerage flow read: " + line);
        });
        boolean failed = false;
        for (String file : files) {
            try (PcapReader reader = PcapReader.open(file)) {
                PcapReplay.replay(reader, collector, port);
            } catch (NoSuchFileException e) {
                failed = true;
                err.println("peerage flow read: " + file + ": no such file");
            } catch (IOException e) {
                collector.flush();
                flush(g, stdout);
                failed = true;
                err.println("peerage flow read: " + file + ": " + e.getMessage());
            }
        }
        if (g != null) {
            g.flush();
            stdout.write('\n');
        }
        stdout.flush();
        collector.stats().print(err);
        return failed ? 1 : 0;
    }

    private static void flush(JsonGenerator g, OutputStream out) {
        try {
            if (g != null) {
                g.flush();
            }
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
