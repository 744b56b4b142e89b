package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Similar ideas: Danish stemming finds other forms of a word; unconfirmed ideas are never suggested. */
@IntegrationTest
class IdeaSimilarityTests {

    @Autowired
    IdeaSimilarity similarity;

    @Autowired
    Ideas ideas;

    @Test
    void findsPublishedIdeasThatShareStemmedWordsButNotUnconfirmedOnes() {
        long n = System.nanoTime();
        long known = ideas.submit(idea("Hjemmemonitorering af KOL-patienter " + n, "KOL-patienter bliver genindlagt"),
                Submitter.assisted("Kaj", null, 1, "Personale"));
        long hidden = ideas.submit(idea("Skjult KOL-idé " + n, "KOL-patienter genindlæggelser"),
                Submitter.anonymous("Ulla", "ulla@x.test"));

        List<SimilarItem> found = similarity.similar("Mange KOL-patienter glemmer kontrollen og bliver genindlagt", 20);

        assertThat(found).extracting(SimilarItem::id).contains(known).doesNotContain(hidden);
        assertThat(found).filteredOn(item -> item.id() == known).singleElement()
                .satisfies(item -> assertThat(item.href()).isEqualTo("/ideer/" + known));
        assertThat(similarity.similar("  ", 5)).isEmpty();
        assertThat(similarity.similar("'; DROP TABLE idea; --", 5)).isNotNull();
    }

    @Test
    void danishStemmingMatchesOtherFormsOfTheWords() {
        long n = System.nanoTime();
        long id = ideas.submit(idea("Genoptræning efter hofteoperationer " + n, "Ventetider på genoptræningen"),
                Submitter.assisted("Kaj", null, 1, "Personale"));

        assertThat(similarity.similar("hofteoperation", 20)).extracting(SimilarItem::id).contains(id);
    }

    private static NewIdea idea(String title, String problem) {
        return new NewIdea(title, problem, "Et forslag", "Patienter", EnumSet.of(Sector.REGION),
                InnovationType.EVERYDAY, null, false, List.of());
    }
}
