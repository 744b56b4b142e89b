package dk.tvaers.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator streams its rows to a sink (issue 16): its CSV files for a seed are byte for byte what they were
 * before (the SHA-256 of each file for 3,000 persons, seed 16, as the generator wrote them before it had sinks), and
 * the rows a sink receives are the CSV's lines.
 */
class SyntheticDataTests {

    /**
     * Written by the generator before the sinks (commit f515dba), seed 16, 3,000 persons; the GP and municipal files
     * as h-economy's generator (still without sinks, with the planted per-sector costs, 1a3ae4b) wrote them.
     */
    private static final Map<String, String> BEFORE = Map.of(
            "deaths.csv", "ec5be26a57be96fcbab2150daaa00b3bfba6ff2184e4967985e69f4264c9f986",
            "gp_contacts.csv", "8fadb79d39286b5169d7237b5a27068a062b8aa0346eccd44ddb719107c1daad",
            "hospital_contacts.csv", "4f6615f9e5c2df3d5c76bf1775d0145ed7f62fd5e215ac1903324783cffffba8",
            "inclusions.csv", "4a7bdcb66f85311449edf9273277b5146437c1620d149f5df8c6c8c0807e438b",
            "municipal_services.csv", "7ed567779f6681529c0418f4baaab379b69c54abc569b3332edcaa79c5344c09",
            "persons.csv", "c576f1e236b7c281cedd8eb7a322b666e6b5b62ef5ee7420d6d903db82c030f1",
            "registrations.csv", "bf3a654c772e5d8bbca97ea648bbe97398fe6eee432a3bbb43f787dd9973ce8d");

    @TempDir
    Path dir;

    @Test
    void theCsvFilesOfASeedAreWhatTheyWere() throws Exception {
        var result = SyntheticData.write(new SyntheticData.Options(3000, 16, 8, 0.3, 1, false), dir);
        assertThat(result.contacts()).isEqualTo(32273);
        var actual = new TreeMap<String, String>();
        for (String file : BEFORE.keySet()) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve(file)));
            actual.put(file, HexFormat.of().formatHex(hash));
        }
        assertThat(actual).isEqualTo(new TreeMap<>(BEFORE));
    }

    private static List<String> truth(List<SyntheticData.Person> persons) {
        return persons.stream().map(p -> String.join(" ", p.id(), p.birthDate().toString(), p.sex(),
                String.valueOf(p.group()), String.valueOf(p.subgroup()), String.valueOf(p.indexDate()),
                String.valueOf(p.deathDate()), p.episodes().toString(), String.valueOf(p.registrations().size())))
                .toList();
    }

    @Test
    void aSinkReceivesTheRowsTheCsvHolds() throws Exception {
        var rows = new ArrayList<List<String>>();
        for (int i = 0; i < SyntheticData.FILES.size(); i++) {
            rows.add(new ArrayList<>());
        }
        var counting = new SyntheticData.Sink() {
            @Override
            public void row(int file, Object... values) {
                assertThat(values).hasSize(SyntheticData.FILES.get(file).columns().size());
                var line = new StringBuilder();
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    line.append(i == 0 ? "" : ",").append(v == null ? ""
                            : v instanceof java.time.LocalDateTime t ? t.format(SyntheticData.TS)
                            : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString());
                }
                rows.get(file).add(line.toString());
            }

            @Override
            public void close() {}
        };
        var options = new SyntheticData.Options(500, 3, 8, 0.3, 7, true);
        var streamed = SyntheticData.write(options, counting);
        var written = SyntheticData.write(options, dir);
        assertThat(streamed.cutoff()).isEqualTo(written.cutoff());
        assertThat(streamed.contacts()).isEqualTo(written.contacts());
        // the planted truth: every person's groups, dates and episodes (records; the per-person arrays aside)
        assertThat(streamed.persons()).hasSize(500);
        assertThat(truth(streamed.persons())).isEqualTo(truth(written.persons()));
        for (int i = 0; i < SyntheticData.FILES.size(); i++) {
            var lines = Files.readAllLines(dir.resolve(SyntheticData.FILES.get(i).fileName()));
            assertThat(rows.get(i)).isEqualTo(lines.subList(1, lines.size()));
        }
    }
}
