package org.peerage.routeserver.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AdjRibOutTest {

    /**
     * Rounds as the route server runs them: new common forms decided for some slots, each receiver either given
     * the round (it records what it was sent, often the common form, sometimes another or nothing) or left out
     * (it keeps what it had), then the commit; now and then a receiver starts over. What each receiver reads back
     * must be what it was last given, whatever the common forms did meanwhile.
     */
    @Property(tries = 200)
    void eachReceiverReadsBackWhatItWasLastGiven(@ForAll long seed) {
        Random random = new Random(seed);
        int slots = 1 + random.nextInt(300);
        CommonSent common = new CommonSent();
        AdjRibOut[] receivers = new AdjRibOut[1 + random.nextInt(6)];
        @SuppressWarnings("unchecked")
        Map<Integer, Integer>[] model = new Map[receivers.length];
        for (int r = 0; r < receivers.length; r++) {
            receivers[r] = new AdjRibOut(common);
            model[r] = new HashMap<>();
        }
        for (int round = 0; round < 40; round++) {
            int[] batch = random.ints(1 + random.nextInt(slots), 0, slots).distinct().toArray();
            int[] decided = new int[batch.length];
            for (int i = 0; i < batch.length; i++) decided[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
            for (int r = 0; r < receivers.length; r++) {
                if (random.nextInt(3) == 0) {
                    for (int i = 0; i < batch.length; i++) {
                        if (decided[i] != common.get(batch[i])) receivers[r].keep(batch[i]);
                    }
                    continue;
                }
                for (int i = 0; i < batch.length; i++) {
                    int serial = switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> 1 + random.nextInt(5);
                        default -> decided[i];
                    };
                    receivers[r].record(batch[i], serial, decided[i]);
                    model[r].put(batch[i], serial);
                }
            }
            for (int i = 0; i < batch.length; i++) common.set(batch[i], decided[i]);
            if (random.nextInt(10) == 0) {
                int r = random.nextInt(receivers.length);
                receivers[r].clear();
                model[r].clear();
            }
            for (int r = 0; r < receivers.length; r++) {
                long announced = 0;
                for (int s = 0; s < slots; s++) {
                    int expected = model[r].getOrDefault(s, 0);
                    assertThat(receivers[r].sent(s)).as("receiver %d slot %d round %d", r, s, round)
                            .isEqualTo(expected);
                    if (expected != 0) announced++;
                }
                assertThat(receivers[r].count()).isEqualTo(announced);
            }
        }
    }

    @Test
    void aReceiverSentTheCommonFormStoresNoEntryOfItsOwn() {
        CommonSent common = new CommonSent();
        AdjRibOut out = new AdjRibOut(common);
        out.record(7, 42, 42);
        common.set(7, 42);
        assertThat(out.sent(7)).isEqualTo(42);
        assertThat(out.exceptions()).isZero();
        out.record(7, 43, 42);
        assertThat(out.sent(7)).isEqualTo(43);
        assertThat(out.exceptions()).isEqualTo(1);
        out.record(7, 42, 42);
        assertThat(out.exceptions()).isZero();
    }
}
