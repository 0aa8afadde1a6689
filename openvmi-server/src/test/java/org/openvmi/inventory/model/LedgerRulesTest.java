package org.openvmi.inventory.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openvmi.inventory.MovementType;
import org.openvmi.shared.FieldErrors;

/**
 * Plain-Java properties of the rules the ledger's safety rests on, over seeded random inputs: the stock-key order in
 * which postings lock balances (the reason concurrent batches cannot deadlock), and the sign a movement type gives a
 * quantity.
 */
class LedgerRulesTest {

    private static final long[] SEEDS = {1, 7, 42, 2026, 31_337};

    private static StockKey randomKey(Random random) {
        String[] owners = {"OWN", "S001", "S002", "OWN"};
        String[] lots = {"", "", "L1", "L2", "l1"};
        return new StockKey(
                1 + random.nextInt(4),
                1 + random.nextInt(4),
                owners[random.nextInt(owners.length)],
                lots[random.nextInt(lots.length)]);
    }

    @Test
    void the_stock_key_order_is_a_total_order_consistent_with_equals_so_every_posting_locks_in_the_same_order() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int n = 0; n < 2_000; n++) {
                StockKey a = randomKey(random);
                StockKey b = randomKey(random);
                StockKey c = randomKey(random);
                assertThat(Integer.signum(a.compareTo(b)))
                        .as("antisymmetric: %s vs %s", a, b)
                        .isEqualTo(-Integer.signum(b.compareTo(a)));
                assertThat(a.compareTo(b) == 0)
                        .as("consistent with equals: %s vs %s", a, b)
                        .isEqualTo(a.equals(b));
                if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                    assertThat(a.compareTo(c))
                            .as("transitive: %s ≤ %s ≤ %s", a, b, c)
                            .isLessThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void the_movement_type_gives_the_sign_and_a_signed_variance_keeps_its_own() {
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            for (int n = 0; n < 2_000; n++) {
                MovementType type = MovementType.values()[random.nextInt(MovementType.values().length)];
                BigDecimal qty = BigDecimal.valueOf(random.nextInt(2_000_001) - 1_000_000, random.nextInt(6));
                FieldErrors errors = new FieldErrors();
                BigDecimal signed = PostingRules.signedQty(0, type, qty, errors);
                boolean tooPrecise = qty.stripTrailingZeros().scale() > PostingRules.QTY_SCALE;
                String what = type + " " + qty.toPlainString();
                if (tooPrecise || qty.signum() == 0 || (type.direction() != 0 && qty.signum() < 0)) {
                    assertThat(signed).as("refused: %s", what).isNull();
                    assertThat(errors.isEmpty())
                            .as("a refusal names its reason: %s", what)
                            .isFalse();
                } else {
                    assertThat(errors.isEmpty()).as("accepted: %s", what).isTrue();
                    assertThat(signed.abs()).as(what).isEqualByComparingTo(qty.abs());
                    int expectedSign = type.direction() == 0 ? qty.signum() : type.direction();
                    assertThat(signed.signum()).as("sign of %s", what).isEqualTo(expectedSign);
                }
            }
        }
    }
}
