package dk.tvaers.catalog;

import java.util.ArrayList;
import java.util.List;

/** The searchable text of a version beyond its title and summary: every section and the involved organisations. */
final class CaseSectionText {

    private CaseSectionText() {}

    static String of(CaseVersion version) {
        List<String> parts = new ArrayList<>();
        for (CaseSection section : CaseSection.values()) {
            parts.add(version.section(section));
        }
        version.actors().forEach(actor -> parts.add(actor.name()));
        return String.join("\n", parts);
    }
}
