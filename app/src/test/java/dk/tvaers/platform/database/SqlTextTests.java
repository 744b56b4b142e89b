package dk.tvaers.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTests {

    @Test
    void findsTheTextAnywhereWithLikesOwnCharactersTakenLiterally() {
        assertThat(SqlText.containsPattern("  Randers ")).isEqualTo("%randers%");
        assertThat(SqlText.containsPattern("100%_rigtig\\")).isEqualTo("%100\\%\\_rigtig\\\\%");
    }
}
