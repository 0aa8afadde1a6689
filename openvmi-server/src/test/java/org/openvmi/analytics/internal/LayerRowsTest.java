package org.openvmi.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openvmi.analytics.internal.SnapshotRepository.StoredLayers;
import org.openvmi.analytics.model.FifoLayers;
import org.openvmi.analytics.model.Layer;

/**
 * ADR 0080: the job numbers a batch's layers around the stored ones (the kept ones keep their row numbers, so only
 * the taken and the new rows are written), and a key's running quantity and value are the sums of its layers.
 */
class LayerRowsTest {

    @Test
    void random_batches_keep_the_rows_they_did_not_touch_and_number_the_rest_in_order() {
        Random random = new Random(80);
        for (int run = 0; run < 300; run++) {
            StoredLayers stored = StoredLayers.NONE;
            LocalDate day = LocalDate.of(2026, 1, 1);
            for (int batch = 0; batch < 12; batch++) {
                FifoLayers fifo = stored.fifo();
                int moves = 1 + random.nextInt(6);
                for (int i = 0; i < moves; i++) {
                    day = day.plusDays(random.nextInt(2));
                    BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(40));
                    if (random.nextBoolean()) {
                        fifo.receive(day, qty, BigDecimal.valueOf(1 + random.nextInt(9)));
                    } else {
                        fifo.issue(day, qty, BigDecimal.ONE);
                    }
                    assertThat(fifo.qty())
                            .isEqualByComparingTo(
                                    fifo.layers().stream().map(Layer::qty).reduce(BigDecimal.ZERO, BigDecimal::add));
                    assertThat(fifo.value())
                            .isEqualByComparingTo(
                                    fifo.layers().stream().map(Layer::value).reduce(BigDecimal.ZERO, BigDecimal::add));
                }
                List<Layer> now = List.copyOf(fifo.view());
                int[] seqs = SnapshotRepository.renumber(stored, now);
                assertThat(seqs).as("the FIFO shape is always renumbered").isNotNull();
                IdentityHashMap<Layer, Integer> before = new IdentityHashMap<>();
                for (int j = 0; j < stored.layers().size(); j++) {
                    before.put(stored.layers().get(j), stored.seqs()[j]);
                }
                for (int i = 0; i < now.size(); i++) {
                    if (i > 0) {
                        assertThat(seqs[i]).as("in order").isGreaterThan(seqs[i - 1]);
                    }
                    Integer was = before.get(now.get(i));
                    if (was != null) {
                        assertThat(seqs[i]).as("a kept layer keeps its row").isEqualTo(was);
                    }
                }
                // a new row never takes the number of a stored row that stays
                List<Integer> kept = new ArrayList<>();
                for (int i = 0; i < now.size(); i++) {
                    if (before.containsKey(now.get(i))) {
                        kept.add(seqs[i]);
                    }
                }
                int firstKept = kept.isEmpty() ? Integer.MAX_VALUE : kept.get(0);
                for (int i = 0; i < now.size(); i++) {
                    if (!before.containsKey(now.get(i))) {
                        assertThat(kept).doesNotContain(seqs[i]);
                        if (seqs[i] < firstKept) {
                            assertThat(i)
                                    .as("new rows before the kept ones come first")
                                    .isLessThan(now.size());
                        }
                    }
                }
                stored = new StoredLayers(now, seqs);
            }
        }
    }

    @Test
    void another_shape_is_written_whole() {
        Layer a = new Layer(LocalDate.of(2026, 1, 1), BigDecimal.ONE, BigDecimal.TEN);
        Layer b = new Layer(LocalDate.of(2026, 1, 2), BigDecimal.ONE, BigDecimal.TEN);
        StoredLayers stored = new StoredLayers(List.of(a, b), new int[] {4, 5});
        assertThat(SnapshotRepository.renumber(stored, List.of(b, a))).isNull();
        assertThat(SnapshotRepository.renumber(stored, List.of(a, b))).containsExactly(4, 5);
        assertThat(SnapshotRepository.renumber(stored, List.of(b))).containsExactly(5);
        assertThat(SnapshotRepository.renumber(stored, List.of())).isEmpty();
    }
}
