package org.peerage.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import org.peerage.bgp.mrt.MrtDecoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtException;
import org.peerage.bgp.mrt.MrtReader;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.text.AsciiSink;
import org.peerage.bgp.text.BgpdumpFormatter;
import org.peerage.bgp.text.JsonFormatter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage mrt dump}: bgpdump-compatible text, or JSON lines. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Print the routes in MRT files, one line per route.",
                "Output of -m is byte for byte that of 'bgpdump -m'. Files may be plain, gzip, bzip2 or xz; '-' reads "
                        + "standard input. A damaged file yields everything before the damage, then an error naming "
                        + "the byte offset, and a non-zero exit status."})
final class MrtDumpCommand implements Callable<Integer> {
    /** 128 + SIGPIPE: what a C tool such as bgpdump reports when its reader closes the pipe. */
    private static final int EXIT_BROKEN_PIPE = 141;

    static final class Format {
        @Option(names = "-m", description = "One line per route with Unix timestamps (bgpdump -m).")
        boolean machine;

        @Option(names = "-M", description = "One line per route with human-readable timestamps, up to the origin "
                + "(bgpdump -M).")
        boolean human;

        @Option(names = "--json", description = "One JSON object per line (see docs/mrt-json.md).")
        boolean json;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Format format = new Format();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MRT files ('-' for standard input).")
    List<String> files;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        boolean failed = false;
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        try (RecordWriter writer = format.json ? new JsonRecordWriter(new JsonFormatter(stdout))
                : new BgpdumpRecordWriter(new AsciiSink(stdout, 1 << 17), format.human
                ? BgpdumpFormatter.Style.HUMAN : BgpdumpFormatter.Style.MACHINE)) {
            for (String file : files) {
                failed |= !dump(file, writer, err);
            }
        } catch (UncheckedIOException e) {
            // The reader of our output went away (`peerage mrt dump ... | head`): stop quietly, as on SIGPIPE.
            if (String.valueOf(e.getCause().getMessage()).contains("Broken pipe")) {
                return EXIT_BROKEN_PIPE;
            }
            err.println("peerage: cannot write output: " + e.getCause().getMessage());
            return 1;
        }
        return failed ? 1 : 0;
    }

    private static boolean dump(String file, RecordWriter writer, PrintStream err) {
        long unresolvedBefore = writer.unresolvedPeerEntries();
        try (MrtReader reader = MrtReader.open(file)) {
            MrtRecord r;
            while ((r = reader.next()) != null) {
                MrtEntry e = MrtDecoder.decode(r);
                if (e instanceof MrtEntry.Corrupt c) {
                    writer.flush();
                    err.println("peerage: " + file + ": corrupt record at byte offset " + r.offset() + ": "
                            + c.reason() + " (skipped)");
                }
                writer.write(r, e);
            }
            long unresolved = writer.unresolvedPeerEntries() - unresolvedBefore;
            if (unresolved > 0) {
                writer.flush();
                err.println("peerage: " + file + ": " + unresolved + " RIB entries name a peer index beyond the "
                        + "PEER_INDEX_TABLE (skipped)");
                return false;
            }
            return true;
        } catch (MrtException e) {
            writer.flush();
            err.println("peerage: " + file + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("peerage: " + file + ": no such file");
        } catch (IOException e) {
            writer.flush();
            err.println("peerage: " + file + ": " + e.getMessage());
        }
        return false;
    }

    /** One output format; flushed before anything goes to standard error, so the two streams stay in order. */
    interface RecordWriter extends AutoCloseable {
        void write(MrtRecord r, MrtEntry e);

        /** RIB entries so far, over all files, whose peer index resolves to no peer; they print nothing. */
        default long unresolvedPeerEntries() {
            return 0;
        }

        void flush();

        @Override
        void close();
    }

    static final class BgpdumpRecordWriter implements RecordWriter {
        private final AsciiSink out;
        private final BgpdumpFormatter formatter;

        BgpdumpRecordWriter(AsciiSink out, BgpdumpFormatter.Style style) {
            this.out = out;
            this.formatter = new BgpdumpFormatter(out, style);
        }

        @Override
        public void write(MrtRecord r, MrtEntry e) {
            formatter.write(r, e);
        }

        @Override
        public long unresolvedPeerEntries() {
            return formatter.unresolvedPeerEntries();
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.close();
        }
    }

    record JsonRecordWriter(JsonFormatter formatter) implements RecordWriter {
        @Override
        public void write(MrtRecord r, MrtEntry e) {
            formatter.write(r, e);
        }

        @Override
        public void flush() {
            formatter.flush();
        }

        @Override
        public void close() {
            formatter.close();
        }
    }
}
