package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.accounts.Actor;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idea figures kept on write (ADR 0040) equal a fresh computation after any sequence of writes: seeded random
 * submissions, confirmations, clinic decisions, moderation (hide, restore), edits of the values the figures are kept
 * by, history rows written out of order and removed, and ideas deleted — through the services and straight in SQL,
 * as the triggers keep the figures whoever writes. Checked after every step: each history row's stored end equals the
 * next row's time (a window over the history), and the yearly and stage-day summaries and the stage-day cube of the
 * capacity page's filters (V74, ADR 0045) equal their fresh computations.
 */
@IntegrationTest
class IdeaFiguresSummaryTests {

    private static final InnovationType[] TYPES = InnovationType.values();
    private static final Region[] REGIONS = {Region.NORDJYLLAND, Region.SJAELLAND, null};

    @Autowired
    Ideas ideas;

    @Autowired
    IdeaClinic clinic;

    @Autowired
    JdbcClient jdbc;

    @Test
    void keptFiguresEqualAFreshComputationAfterRandomWrites() {
        for (long seed = 1; seed <= 2; seed++) {
            var random = new SplittableRandom(seed);
            List<Long> mine = new ArrayList<>();
            for (int step = 0; step < 30; step++) {
                String what = write(random, mine);
                assertKeptEqualsFresh("seed " + seed + ", step " + step + " (" + what + ")");
            }
        }
    }

    private String write(SplittableRandom random, List<Long> mine) {
        int choice = mine.isEmpty() ? 0 : random.nextInt(11);
        long id = mine.isEmpty() ? 0 : mine.get(random.nextInt(mine.size()));
        OffsetDateTime at = OffsetDateTime.of(2001 + random.nextInt(4), 1 + random.nextInt(12), 1, 23, 30, 0, 0,
                ZoneOffset.UTC).plusHours(random.nextInt(1000));
        switch (choice) {
            case 0, 1 -> {
                Submitter submitter = random.nextBoolean() ? Submitter.anonymous("Summa Borger", null)
                        : Submitter.assisted("Summa Borger", null, 1, "Summa Medarbejder");
                EnumSet<Sector> sectors = EnumSet.of(Sector.values()[random.nextInt(3)]);
                if (random.nextBoolean()) {
                    sectors.add(Sector.PATIENT_ORGANISATION);
                }
                mine.add(ideas.submit(new NewIdea("Summa " + random.nextInt(1000), "Problem", "Forslag", "Patienter",
                        sectors, TYPES[random.nextInt(TYPES.length)], REGIONS[random.nextInt(REGIONS.length)], false,
                        List.of()), submitter));
                return "submit";
            }
            case 2 -> {
                jdbc.sql("UPDATE idea SET status = 'SUBMITTED', submitted_at = :at WHERE id = :id AND status = 'UNCONFIRMED'")
                        .param("at", at).param("id", id).update();
                return "confirm";
            }
            case 3 -> {
                try {
                    switch (random.nextInt(3)) {
                        case 0 -> clinic.prioritise(id, "Godt", Actor.SYSTEM);
                        case 1 -> clinic.reject(id, "Nej", Actor.SYSTEM);
                        default -> clinic.refer(id, "Kommunen", Actor.SYSTEM);
                    }
                } catch (RuntimeException refused) {
                    // an idea in a state the clinic cannot decide on: nothing written
                }
                return "clinic";
            }
            case 4 -> {
                jdbc.sql("""
                        INSERT INTO idea_status_change (idea_id, from_status, to_status, by_name, changed_at)
                        VALUES (:id, NULL, :status, 'Summa', :at)""")
                        .param("id", id).param("status", random.nextBoolean() ? "SUBMITTED" : "IN_REVIEW")
                        .param("at", at).update();
                return "history row at any time";
            }
            case 5 -> {
                jdbc.sql("""
                        DELETE FROM idea_status_change WHERE id = (SELECT min(id) FROM idea_status_change
                        WHERE idea_id = :id)""").param("id", id).update();
                return "history row removed";
            }
            case 6 -> {
                jdbc.sql("""
                        UPDATE idea_status_change SET changed_at = changed_at - interval '3 days'
                        WHERE id = (SELECT max(id) FROM idea_status_change WHERE idea_id = :id)""")
                        .param("id", id).update();
                return "history time changed";
            }
            case 7 -> {
                boolean hide = random.nextBoolean();
                jdbc.sql(hide ? "UPDATE idea SET hidden_at = now(), hidden_reason = 'Krænkende' WHERE id = :id"
                        : "UPDATE idea SET hidden_at = NULL, hidden_reason = NULL WHERE id = :id").param("id", id).update();
                return hide ? "hide" : "restore";
            }
            case 8 -> {
                jdbc.sql("""
                        UPDATE idea SET region = :region, innovation_type = :type, source = :source,
                            sectors = CAST(:sectors AS VARCHAR(40)[]), submitted_at = coalesce(submitted_at, :at)
                        WHERE id = :id""")
                        .param("region", random.nextBoolean() ? "NATIONAL" : null)
                        .param("type", TYPES[random.nextInt(TYPES.length)].name())
                        .param("source", random.nextBoolean() ? "STAFF" : "UNKNOWN")
                        .param("sectors", random.nextBoolean() ? new String[] {"REGION"} : new String[] {"MUNICIPALITY", "REGION"})
                        .param("at", at).param("id", id).update();
                return "values edited";
            }
            case 9 -> {
                jdbc.sql("UPDATE idea SET initiative_id = CASE WHEN initiative_id IS NULL THEN 1 ELSE NULL END WHERE id = :id")
                        .param("id", id).update();
                return "became an initiative (or not)";
            }
            default -> {
                jdbc.sql("UPDATE idea SET merged_into_id = NULL WHERE merged_into_id = :id").param("id", id).update();
                jdbc.sql("DELETE FROM idea WHERE id = :id").param("id", id).update();
                mine.remove(id);
                return "idea deleted";
            }
        }
    }

    private void assertKeptEqualsFresh(String after) {
        assertThat(jdbc.sql("""
                SELECT c.id || ': ' || coalesce(c.left_at::text, 'open') || ' <> ' || coalesce(n.next_at::text, 'open')
                FROM idea_status_change c JOIN (
                    SELECT id, lead(changed_at) OVER (PARTITION BY idea_id ORDER BY changed_at, id) AS next_at
                    FROM idea_status_change) n ON n.id = c.id
                WHERE c.left_at IS DISTINCT FROM n.next_at""").query(String.class).list())
                .as("stored ends that differ from the next row's time, after %s", after).isEmpty();
        assertThat(differences("idea_year_figures", "received <> 0 OR became_initiative <> 0"))
                .as("yearly figures that differ from a fresh count, after %s", after).isEmpty();
        assertThat(differences("idea_stage_days", "spans <> 0"))
                .as("stage days that differ from a fresh count, after %s", after).isEmpty();
        assertThat(differences("idea_stage_cube", "spans <> 0", "idea_stage_cube_fresh()"))
                .as("cells of the stage-day cube that differ from a fresh count, after %s", after).isEmpty();
    }

    /** The rows in the kept table and not in its fresh view, and the other way round (as text, for the message). */
    private List<String> differences(String table, String nonZero) {
        return differences(table, nonZero, table + "_fresh");
    }

    private List<String> differences(String table, String nonZero, String fresh) {
        return jdbc.sql("""
                (SELECT 'kept ' || k::text FROM (SELECT * FROM %1$s WHERE %2$s EXCEPT ALL SELECT * FROM %3$s) k)
                UNION ALL
                (SELECT 'fresh ' || f::text FROM (SELECT * FROM %3$s EXCEPT ALL SELECT * FROM %1$s WHERE %2$s) f)"""
                .formatted(table, nonZero, fresh)).query(String.class).list();
    }
}
