package dk.tvaers.bench;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates published ideas of Danish health-care text in bulk, seeded so that every run builds the same data:
 * titles, problems and proposals drawn from word pools, statuses, kinds, regions, one to three sectors and a
 * support count. Runs inside PostgreSQL (setseed + generate_series) in one transaction, so 100,000 ideas take
 * seconds, not minutes.
 */
final class IdeaGenerator {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    IdeaGenerator(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs a bulk load with the triggers that keep the capacity figures off, then makes those figures afresh
     * ({@code capacity_figures_rebuild}, ADR 0040; {@code idea_stage_cube_rebuild}, ADR 0045): in one transaction of many thousand rows the triggers would update
     * the same few summary rows over and over.
     */
    static void bulk(JdbcClient jdbc, Runnable load) {
        java.util.List<String> tables = java.util.List.of("idea", "idea_status_change", "initiative_phase_change");
        tables.forEach(table -> jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER").update());
        try {
            load.run();
            // made afresh while the triggers are still off: the rebuild's own updates of the history's ends would
            // otherwise run them once per row
            jdbc.sql("SELECT capacity_figures_rebuild()").query().listOfRows();
            jdbc.sql("SELECT idea_stage_cube_rebuild()").query().listOfRows();
        } finally {
            tables.forEach(table -> jdbc.sql("ALTER TABLE " + table + " ENABLE TRIGGER USER").update());
        }
    }

    void generate(int count, double seed) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT setseed(:seed)").param("seed", seed).query().singleRow();
            jdbc.sql("""
                    WITH words AS (
                        SELECT ARRAY['KOL-patienter', 'diabetes', 'genoptræning', 'hjemmepleje', 'medicin',
                                     'sms-påmindelse', 'udskrivelse', 'telemedicin', 'demens', 'pårørende',
                                     'almen praksis', 'akutmodtagelse', 'ventetid', 'hjælpemidler', 'ernæring',
                                     'faldforebyggelse', 'psykiatri', 'børn og unge', 'hjertesvigt', 'kræft',
                                     'rehabilitering', 'sygeplejerske', 'videokonsultation', 'apotek', 'kommunen']
                               AS w,
                               ARRAY['REGION', 'MUNICIPALITY', 'GENERAL_PRACTICE', 'PRIVATE_COMPANY',
                                     'KNOWLEDGE_INSTITUTION', 'PATIENT_ORGANISATION'] AS sectors
                    ), rows AS (
                        SELECT g,
                               w[1 + floor(random() * 25)::int] AS a, w[1 + floor(random() * 25)::int] AS b,
                               w[1 + floor(random() * 25)::int] AS c, w[1 + floor(random() * 25)::int] AS d,
                               random() AS r1, random() AS r2, random() AS r3, random() AS r4
                        FROM generate_series(1, :count) g, words
                    )
                    INSERT INTO idea (title, problem, proposal, beneficiaries, innovation_type, region, status,
                                      submitter_name, show_name, support_count, created_at, submitted_at)
                    SELECT initcap(a) || ' og ' || b || ' ' || g,
                           'Problemet med ' || a || ' er, at ' || c || ' ofte mangler, når ' || d || ' skal koordineres.',
                           'Vi foreslår at samle ' || b || ' og ' || d || ' i et fælles forløb med ' || c || '.',
                           'Patienter og pårørende ved ' || a,
                           (ARRAY['EVERYDAY', 'RESEARCH_DRIVEN', 'BREAKTHROUGH'])[1 + floor(r1 * 3)::int],
                           (ARRAY['HOVEDSTADEN', 'SJAELLAND', 'SYDDANMARK', 'MIDTJYLLAND', 'NORDJYLLAND'])[1 + floor(r2 * 5)::int],
                           (ARRAY['SUBMITTED', 'SUBMITTED', 'IN_REVIEW', 'PRIORITISED', 'REFERRED', 'REJECTED'])[1 + floor(r3 * 6)::int],
                           'Generet Borger ' || g, r4 < 0.3, floor(r4 * 40)::int,
                           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
                    FROM rows""")
                    .param("count", count).update();
            jdbc.sql("""
                    UPDATE idea i SET sectors = ARRAY(
                        SELECT DISTINCT (ARRAY['REGION', 'MUNICIPALITY', 'GENERAL_PRACTICE', 'PRIVATE_COMPANY',
                                               'KNOWLEDGE_INSTITUTION', 'PATIENT_ORGANISATION'])[1 + floor(random() * 6)::int]
                        FROM generate_series(1, 1 + (i.id % 3)::int) WHERE i.id > 0)
                    WHERE i.submitter_name LIKE 'Generet Borger %'""").update();
        });
        // what autovacuum does to a table soon after a bulk load: statistics, and the visibility map that lets a
        // count(*) use an index-only scan
        jdbc.sql("VACUUM ANALYZE idea").update();
    }
}
