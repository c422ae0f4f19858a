package org.peerage.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peerage.planner.plan.options.PeeringEconomics;

/** Break-even, savings and the remote-versus-direct thresholds, by hand. */
class PeeringEconomicsTest {
    @Test
    void breakEvenAndSavings() {
        // Port 2,000 + half rack 1,000 + transport 2,000 = 5,000 a month at 0.50 per Mbps: break-even 10,000 Mbps.
        assertThat(PeeringEconomics.breakEvenMbps(5000, 0.5)).isEqualTo(10_000);
        // 12,000 Mbps offloaded: (12,000 - 10,000) x 0.50 = 1,000 saved = 0.50 x 12,000 - 5,000.
        assertThat(PeeringEconomics.savings(12_000, 5000, 0.5)).isEqualTo(1000);
        // 8,000 Mbps: a loss of 1,000.
        assertThat(PeeringEconomics.savings(8_000, 5000, 0.5)).isEqualTo(-1000);
        // Unit cost: 5,000 / 12,000 Mbps = 0.4167 per Mbps.
        assertThat(PeeringEconomics.unitCost(5000, 12_000)).isCloseTo(0.41667, within(1e-5));
        // Free transit never breaks even; a free option always does.
        assertThat(PeeringEconomics.breakEvenMbps(5000, 0)).isInfinite();
        assertThat(PeeringEconomics.breakEvenMbps(0, 0.5)).isZero();
    }

    @Test
    void remoteAgainstDirectAndTransit() {
        // F_d = 5,000, F_r = 1,000, v = 0.20, p = 0.50.
        // Remote beats transit above F_r / (p - v) = 1,000 / 0.30 = 3,333.3 Mbps;
        // remote beats direct below (F_d - F_r) / v = 4,000 / 0.20 = 20,000 Mbps.
        double fd = 5000;
        double fr = 1000;
        double v = 0.2;
        double p = 0.5;
        assertThat(PeeringEconomics.remoteBreakEvenMbps(fr, v, p)).isCloseTo(3333.333, within(1e-3));
        assertThat(PeeringEconomics.remoteBeatsDirectBelowMbps(fd, fr, v)).isCloseTo(20_000, within(1e-9));
        // O = 10,000: transit 0.5 x 10,000 = 5,000; direct 5,000; remote 1,000 + 0.2 x 10,000 = 3,000: remote wins.
        assertThat(PeeringEconomics.remoteCost(fr, v, 10_000)).isEqualTo(3000);
        assertThat(PeeringEconomics.remoteWins(10_000, fd, fr, v, p)).isTrue();
        // O = 2,000: transit 1,000 < remote 1,400 < direct 5,000: stay on transit.
        assertThat(PeeringEconomics.remoteCost(fr, v, 2_000)).isEqualTo(1400);
        assertThat(PeeringEconomics.remoteWins(2_000, fd, fr, v, p)).isFalse();
        // O = 25,000: direct 5,000 < remote 1,000 + 5,000 = 6,000: direct wins.
        assertThat(PeeringEconomics.remoteCost(fr, v, 25_000)).isEqualTo(6000);
        assertThat(PeeringEconomics.remoteWins(25_000, fd, fr, v, p)).isFalse();
        // A reseller charging at least the transit price never pays.
        assertThat(PeeringEconomics.remoteBreakEvenMbps(fr, 0.5, p)).isInfinite();
        // A flat-rate reseller cheaper than direct always beats direct.
        assertThat(PeeringEconomics.remoteBeatsDirectBelowMbps(fd, fr, 0)).isInfinite();
    }
}
