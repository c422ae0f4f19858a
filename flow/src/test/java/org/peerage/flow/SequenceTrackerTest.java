package org.peerage.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
    @Test
    void countsGapsAndTakesRestartsAndWrapAsNoLoss() {
        SequenceTracker t = new SequenceTracker();
        assertThat(t.observe(100, 30)).isZero();
        assertThat(t.observe(130, 30)).isZero();
        assertThat(t.observe(190, 30)).isEqualTo(30);
        assertThat(t.observe(5, 30)).isZero(); // went backwards: a restart
        assertThat(t.observe(35, 1)).isZero();
        assertThat(t.observe(0xFFFF_FFFFL, 2)).isZero(); // far ahead: not loss
        assertThat(t.observe(1, 1)).isZero(); // wrapped past 2^32
        assertThat(t.observe(4, 1)).isEqualTo(2);
    }

    @Test
    void ipfixRecordCountsBeforeOrIncludingTheMessage() {
        SequenceTracker rfc = new SequenceTracker();
        assertThat(rfc.observeRecords(0, 25)).isZero();
        assertThat(rfc.observeRecords(25, 32)).isZero();
        assertThat(rfc.observeRecords(57, 3)).isZero();
        assertThat(rfc.observeRecords(70, 10)).isEqualTo(10);

        SequenceTracker softflowd = new SequenceTracker(); // numbers each message by the records up to its end
        assertThat(softflowd.observeRecords(25, 25)).isZero();
        assertThat(softflowd.observeRecords(57, 32)).isZero();
        assertThat(softflowd.observeRecords(60, 3)).isZero();
        assertThat(softflowd.observeRecords(80, 10)).isEqualTo(10);
        assertThat(softflowd.observeRecords(90, 10)).isZero();
    }
}
