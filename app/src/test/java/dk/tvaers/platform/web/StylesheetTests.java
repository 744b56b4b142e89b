package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * Tværs' own stylesheet closes every block: one brace left open made every rule after it (the catalogue's, the
 * idea thread's, the worklists') apply only in print, and no test noticed. A rule may sit only inside an at-rule.
 */
class StylesheetTests {

    @Test
    void everyBlockOfTheStylesheetIsClosedWhereItOpens() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/static/css/tvaers.css"))
                .replaceAll("(?s)/\\*.*?\\*/", "");
        Deque<Boolean> open = new ArrayDeque<>();
        StringBuilder prelude = new StringBuilder();
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            }
            if (c == '{') {
                boolean atRule = prelude.toString().strip().startsWith("@");
                assertThat(open.isEmpty() || open.peek())
                        .as("line %d: \"%s\" opens inside a rule that was never closed", line, prelude.toString().strip())
                        .isTrue();
                open.push(atRule);
                prelude.setLength(0);
            } else if (c == '}') {
                assertThat(open).as("line %d: a brace closes nothing", line).isNotEmpty();
                open.pop();
                prelude.setLength(0);
            } else if (c == ';') {
                prelude.setLength(0);
            } else {
                prelude.append(c);
            }
        }
        assertThat(open).as("blocks left open at the end").isEmpty();
    }
}
