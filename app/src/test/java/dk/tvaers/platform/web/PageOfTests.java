package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageOfTests {

    @Test
    void countsPagesAndTheRowsShown() {
        var page = new PageOf<>(List.of("a"), 3, 20, 95);

        assertThat(page.pageCount()).isEqualTo(5);
        assertThat(page.firstShown()).isEqualTo(41);
        assertThat(page.lastShown()).isEqualTo(60);
        assertThat(page.offset()).isEqualTo(40);
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void showsTheFirstTheLastAndTwoPagesEitherSideOfTheCurrent() {
        assertThat(new PageOf<>(List.of(), 10, 20, 400).visiblePages()).containsExactly(1, 8, 9, 10, 11, 12, 20);
    }

    @Test
    void anEmptyListHasOnePageAndShowsNothing() {
        var page = new PageOf<>(List.of(), 1, 20, 0);

        assertThat(page.pageCount()).isEqualTo(1);
        assertThat(page.firstShown()).isZero();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void clampsAPageNumberFromTheAddress() {
        assertThat(PageOf.clampPage(null)).isEqualTo(1);
        assertThat(PageOf.clampPage(-4)).isEqualTo(1);
        assertThat(PageOf.clampPage(7)).isEqualTo(7);
    }
}
