package dk.tvaers.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTests {

    private final SearchTerms terms = new SearchTerms(List.of(
            List.of("diabetes", "diabetiker", "sukkersyge"),
            List.of("kol", "lungesyg")));

    @Test
    void makesEveryWordAPrefixSoInflectionsAndCompoundsAreFound() {
        assertThat(terms.allWords("Indlæggelser kræft")).isEqualTo("indlæggelser:* & kræft:*");
    }

    @Test
    void searchesARelatedFormAsEveryFormOfItsGroup() {
        assertThat(terms.allWords("diabetikere")).isEqualTo("(diabetikere:* | diabetes:* | diabetiker:* | sukkersyge:*)");
    }

    @Test
    void doesNotTakeALongerWordForAShortForm() {
        assertThat(terms.alternatives("kolesterol")).containsExactly("kolesterol");
        assertThat(terms.alternatives("kols")).contains("lungesyg");
    }

    @Test
    void letsOnlyLettersAndDigitsThroughSoTheQueryIsAlwaysValid() {
        assertThat(terms.allWords("kræft' | !(hjerte) & :*")).isEqualTo("kræft:* & hjerte:*");
        assertThat(terms.allWords("  ")).isEmpty();
        assertThat(terms.allWords(null)).isEmpty();
    }

    @Test
    void joinsTheWordsOfAFreeTextWithOrAndDropsShortWords() {
        assertThat(terms.anyWord("Bus til sårbare diabetikere", 4))
                .isEqualTo("sårbare:* | (diabetikere:* | diabetes:* | diabetiker:* | sukkersyge:*)");
    }

    @Test
    void keepsAtMostEightDifferentWords() {
        assertThat(SearchTerms.words("a b c d e f g h i j a")).hasSize(8).doesNotHaveDuplicates();
    }
}
