package org.openvmi.demo.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoGeneratorsTest {

    @Test
    void the_same_seed_gives_the_same_catalog_and_demand() {
        assertThat(DemoCatalog.items(50, new Random(7))).isEqualTo(DemoCatalog.items(50, new Random(7)));
        assertThat(series(new Random(7), DemandPattern.SEASONAL))
                .isEqualTo(series(new Random(7), DemandPattern.SEASONAL));
    }

    @Test
    void item_codes_and_barcodes_are_unique_and_barcodes_are_valid_ean13() {
        List<DemoCatalog.ItemSpec> items = DemoCatalog.items(200, new Random(1));
        assertThat(items).extracting(DemoCatalog.ItemSpec::code).doesNotHaveDuplicates();
        assertThat(items)
                .extracting(DemoCatalog.ItemSpec::barcode)
                .doesNotHaveDuplicates()
                .allMatch(b -> b.length() == 13
                        && DemoCatalog.ean13(b.substring(0, 12)).equals(b));
        assertThat(DemoCatalog.ean13("400638133393")).isEqualTo("4006381333931");
    }

    @Test
    void intermittent_demand_is_mostly_zero_and_smooth_demand_mostly_not() {
        long zerosIntermittent = series(new Random(3), DemandPattern.INTERMITTENT).stream()
                .filter(q -> q == 0)
                .count();
        long zerosSmooth = series(new Random(3), DemandPattern.SMOOTH).stream()
                .filter(q -> q == 0)
                .count();
        assertThat(zerosIntermittent).isGreaterThan(365 * 70 / 100);
        assertThat(zerosSmooth).isLessThan(365 * 40 / 100);
    }

    @Test
    void seasonal_demand_peaks_in_its_season() {
        DemoDemandGenerator g = new DemoDemandGenerator(new Random(11));
        DemoDemandGenerator.Profile summer =
                new DemoDemandGenerator.Profile(DemandPattern.SEASONAL, 20, 0.6, 196, 0, 1);
        LocalDate jan1 = LocalDate.of(2025, 1, 1);
        long july = IntStream.range(181, 212)
                .mapToLong(d -> g.draw(summer, jan1.plusDays(d), d, 365))
                .sum();
        long january = IntStream.range(0, 31)
                .mapToLong(d -> g.draw(summer, jan1.plusDays(d), d, 365))
                .sum();
        assertThat(july).isGreaterThan(january * 2);
    }

    private static List<Long> series(Random random, DemandPattern pattern) {
        DemoDemandGenerator g = new DemoDemandGenerator(random);
        DemoDemandGenerator.Profile p = g.profile(pattern, 1.0);
        LocalDate start = LocalDate.of(2025, 1, 1);
        return IntStream.range(0, 365)
                .mapToObj(d -> g.draw(p, start.plusDays(d), d, 365))
                .toList();
    }
}
