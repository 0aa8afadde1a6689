package org.openvmi.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentStatusTest {

    /** A three-step document to test the shared behaviour on, independent of any feature's rules. */
    enum Toy implements DocumentStatus<Toy> {
        NEW,
        DONE,
        GONE;

        @Override
        public Set<Toy> next() {
            return this == NEW ? EnumSet.of(DONE, GONE) : this == DONE ? EnumSet.of(GONE) : EnumSet.noneOf(Toy.class);
        }

        @Override
        public String document() {
            return "ToyDocument";
        }
    }

    @Test
    void an_allowed_move_returns_the_new_status() {
        assertThat(Toy.NEW.moveTo(Toy.DONE, "T-1")).isEqualTo(Toy.DONE);
        assertThat(Toy.DONE.canMoveTo(Toy.GONE)).isTrue();
    }

    @Test
    void a_refused_move_is_a_409_naming_document_number_both_statuses_and_where_it_is_allowed_from() {
        assertThatThrownBy(() -> Toy.GONE.moveTo(Toy.DONE, "T-7"))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e).isInstanceOf(ConflictException.class);
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.refusal().code()).isEqualTo(IllegalTransition.CODE);
                    assertThat(e.getMessage())
                            .isEqualTo("Toy document T-7 is GONE and cannot become DONE: "
                                    + "only a toy document that is NEW can");
                    assertThat(e.document()).isEqualTo("ToyDocument");
                    assertThat(e.from()).isEqualTo("GONE");
                    assertThat(e.to()).isEqualTo("DONE");
                    // document and statuses are labels, so a page shows them in its language
                    assertThat(e.refusal().args())
                            .containsExactly(
                                    new CodedRefusal.Label("transition.document.ToyDocument", "Toy document"),
                                    "T-7",
                                    new CodedRefusal.Label("enum.Toy.GONE", "GONE"),
                                    new CodedRefusal.Label("enum.Toy.DONE", "DONE"));
                });
    }

    @Test
    void a_move_nothing_allows_says_so_without_a_list() {
        assertThatThrownBy(() -> Toy.DONE.moveTo(Toy.NEW, 3))
                .hasMessage("Toy document 3 is DONE and cannot become NEW");
    }

    @Test
    void a_narrower_action_names_the_statuses_it_is_allowed_from() {
        assertThat(Toy.DONE.refusal(Toy.GONE, "T-2", EnumSet.of(Toy.NEW)))
                .hasMessage("Toy document T-2 is DONE and cannot become GONE: only a toy document that is NEW can");
    }
}
