package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.Aggregator;

/**
 * What the speaker announces from the shared full table: AS3856's feed holds 18 routes whose only fault is an
 * AGGREGATOR with AS 0 (0 0.0.0.0). RFC 7607 with RFC 7606 §7.7 makes that attribute-discard: the routes stay, without
 * the aggregator, so the relay tests can check them at the far end. Routes whose AS_PATH holds AS 0 (four, 65005 ...
 * 0) are treat-as-withdraw and rightly absent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MrtReplayKeepsDiscardedAttributeRoutesTest {
    private static final List<String> AS_ZERO_AGGREGATOR = List.of("156.54.0.0/23", "156.54.4.0/24", "156.54.49.0/24",
            "156.54.52.0/24", "156.54.53.0/24", "156.54.56.0/24", "156.54.84.0/24", "156.54.97.0/24", "156.54.98.0/24",
            "156.54.132.0/24", "156.54.139.0/24", "156.54.142.0/24", "156.54.152.0/24", "156.54.159.0/24",
            "156.54.161.0/24", "156.54.167.0/24", "156.54.168.0/24", "213.181.212.0/24");

    @Test
    void routesWhoseOnlyFaultIsAnAsZeroAggregatorAreKeptWithoutIt() {
        RouteTable table = FullTable.get();
        for (String p : AS_ZERO_AGGREGATOR) {
            List<org.peerage.bgp.wire.attr.PathAttribute> attributes = table.routes().get(Prefix.parse(p));
            assertThat(attributes).as("route for %s", p).isNotNull();
            assertThat(attributes).as("attributes of %s", p).noneMatch(a -> a instanceof Aggregator g && g.asn() == 0);
        }
        assertThat(table.routes()).as("AS 0 in the path: treat-as-withdraw")
                .doesNotContainKey(Prefix.parse("103.225.92.0/24"));
        assertThat(table.size()).isEqualTo(577_699);
    }
}
