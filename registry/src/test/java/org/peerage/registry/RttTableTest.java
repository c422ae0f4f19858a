package org.peerage.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RttTableTest {
    @TempDir
    Path dir;

    @Test
    void readsTheLowestRttPerAddressSkippingHeaderAndComments() throws IOException {
        Path f = dir.resolve("rtt.csv");
        Files.writeString(f, "address,rtt_ms\n# from the looking glass\n192.0.2.1, 3.5\n192.0.2.1,1.25\n"
                + "2001:DB8::1,0.4\n");
        RttTable t = RttTable.read(f.toString());
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.rttMs("192.0.2.1")).contains(1.25);
        assertThat(t.rttMs("2001:db8:0::1")).contains(0.4);
        assertThat(t.rttMs("192.0.2.2")).isEmpty();
    }

    @Test
    void aBadLineIsNamed() throws IOException {
        Path f = dir.resolve("rtt.csv");
        Files.writeString(f, "192.0.2.1,1\n192.0.2.2,fast\n");
        assertThatThrownBy(() -> RttTable.read(f.toString())).hasMessage(f + ": line 2: not an RTT in "
                + "milliseconds: fast");
        Files.writeString(f, "192.0.2.1,1\nrouter1,2\n");
        assertThatThrownBy(() -> RttTable.read(f.toString())).hasMessage(f + ": line 2: not an IP address: router1");
    }
}
