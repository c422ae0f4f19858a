package org.peerage.flow.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.collect.FlowSink;

/** Streams flow records to a CSV file with a header line ({@link FlowColumns}); times are UTC. */
public final class CsvFlowWriter implements FlowSink {
    private final Writer out;

    public CsvFlowWriter(Path file) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.US_ASCII),
                1 << 16);
        out.write(String.join(",", FlowColumns.NAMES));
        out.write('\n');
    }

    @Override
    public void accept(FlowBatch b) throws IOException {
        StringBuilder line = new StringBuilder(160);
        for (int i = 0; i < b.size(); i++) {
            line.setLength(0);
            line.append(FlowText.time(b.startMillis(i))).append(',').append(FlowText.time(b.endMillis(i)))
                    .append(',').append(FlowText.src(b, i)).append(',').append(FlowText.dst(b, i))
                    .append(',').append(b.protocol(i)).append(',').append(b.srcPort(i))
                    .append(',').append(b.dstPort(i)).append(',').append(b.tcpFlags(i))
                    .append(',').append(b.packets(i)).append(',').append(b.bytes(i))
                    .append(',').append(Integer.toUnsignedString(b.samplingRate(i)))
                    .append(',').append(Integer.toUnsignedString(b.inIf(i)))
                    .append(',').append(Integer.toUnsignedString(b.outIf(i)))
                    .append(',').append(Integer.toUnsignedString(b.srcAs(i)))
                    .append(',').append(Integer.toUnsignedString(b.dstAs(i)))
                    .append(',').append(FlowText.exporter(b, i)).append('\n');
            out.append(line);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
