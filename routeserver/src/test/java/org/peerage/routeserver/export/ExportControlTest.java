package org.peerage.routeserver.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.filter.RouteFacts;

class ExportControlTest {
    private static final long RS = 64500;

    private static ExportControl control(int[] standard, int... large) {
        List<PathAttribute> attrs = new ArrayList<>();
        if (standard.length > 0) attrs.add(Communities.of(standard));
        if (large.length > 0) attrs.add(LargeCommunities.of(large));
        return ExportControl.of(RouteFacts.of(attrs), RS);
    }

    private static int std(int high, int low) {
        return high << 16 | low;
    }

    @Test
    void noControlCommunityIsPlain() {
        ExportControl c = control(new int[] {std(3356, 100)}, 3356, 0, 0);
        assertThat(c.isPlain()).as("communities of other ASes are not for us").isTrue();
        assertThat(c.allows(64501)).isTrue();
        assertThat(c.prepend(64501)).isZero();
    }

    @Test
    void doNotAnnounceToAPeerInBothForms() {
        ExportControl large = control(new int[0], (int) RS, 0, 64501);
        ExportControl rfc1997 = control(new int[] {std(0, 64501)});
        for (ExportControl c : List.of(large, rfc1997)) {
            assertThat(c.allows(64501)).isFalse();
            assertThat(c.allows(64502)).isTrue();
        }
    }

    @Test
    void announceToNobodyExceptThoseNamed() {
        ExportControl c = control(new int[0], (int) RS, 0, 0, (int) RS, 1, 64502);
        assertThat(c.allows(64501)).isFalse();
        assertThat(c.allows(64502)).isTrue();
        ExportControl classic = control(new int[] {std(0, (int) RS), std((int) RS, 64503)});
        assertThat(classic.allows(64502)).isFalse();
        assertThat(classic.allows(64503)).isTrue();
        ExportControl both = control(new int[0], (int) RS, 0, 0, (int) RS, 1, 64502, (int) RS, 0, 64502);
        assertThat(both.allows(64502)).as("do-not-announce wins over announce").isFalse();
    }

    @Test
    void announceToAPeerAloneRestrictsNothing() {
        ExportControl c = control(new int[0], (int) RS, 1, 64502);
        assertThat(c.allows(64501)).isTrue();
    }

    @Test
    void prependsPerPeerBeatPrependsToAll() {
        ExportControl c = control(new int[0], (int) RS, 103, 64501, (int) RS, 101, 0);
        assertThat(c.prepend(64501)).isEqualTo(3);
        assertThat(c.prepend(64502)).isEqualTo(1);
    }

    @Test
    void addNoExportOrNoAdvertiseTowardsPeers() {
        ExportControl c = control(new int[0], (int) RS, 65281, 64501, (int) RS, 65282, 0);
        assertThat(c.addNoExport(64501)).isTrue();
        assertThat(c.addNoExport(64502)).isFalse();
        assertThat(c.addNoAdvertise(64502)).isTrue();
    }
}
