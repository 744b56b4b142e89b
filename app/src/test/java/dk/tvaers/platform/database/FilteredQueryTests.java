package dk.tvaers.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.shared.Sector;
import org.junit.jupiter.api.Test;

/** The list queries' builder: values travel only as parameters, LIKE's characters are escaped, sorts are a whitelist. */
class FilteredQueryTests {

    private static final Sorting SORTING = Sorting.of(
            "NEWEST", "created_at DESC, id DESC",
            "TITLE", "lower(title), id");

    @Test
    void likeWildcardsInTheTextAreEscapedAndTheTextNeverEntersTheSql() {
        var query = new FilteredQuery().contains("lower(title) LIKE :text", "text", " 100%_Sikker\\Data ");

        assertThat(query.where()).isEqualTo(" WHERE lower(title) LIKE :text");
        assertThat(query.params()).containsEntry("text", "%100\\%\\_sikker\\\\data%");
    }

    @Test
    void anInjectionAttemptInAFilterValueIsOnlyAParameter() {
        String attack = "x' OR '1'='1'; DROP TABLE idea; --";
        var query = new FilteredQuery()
                .contains("lower(title) LIKE :text", "text", attack)
                .filter("region = :region", "region", attack);

        assertThat(query.where()).isEqualTo(" WHERE lower(title) LIKE :text AND region = :region")
                .doesNotContain("DROP");
        assertThat(query.params()).containsEntry("region", attack);
    }

    @Test
    void aSortKeyOffTheWhitelistGetsTheDefaultOrderNotTheText() {
        assertThat(SORTING.sql("TITLE")).isEqualTo("lower(title), id");
        assertThat(SORTING.sql(null)).isEqualTo("created_at DESC, id DESC");
        assertThat(SORTING.sql("title; DROP TABLE idea; --")).isEqualTo("created_at DESC, id DESC");
        assertThat(SORTING.sql("(SELECT password_hash FROM user_account LIMIT 1)"))
                .isEqualTo("created_at DESC, id DESC");
        assertThat(new FilteredQuery().orderBy(SORTING, "id DESC, (SELECT 1)").pageSql("SELECT * FROM t"))
                .isEqualTo("SELECT * FROM t ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset");
    }

    @Test
    void missingAndBlankValuesLeaveTheirConditionOutAndEnumsTravelByName() {
        var query = new FilteredQuery()
                .condition("status <> 'UNCONFIRMED'")
                .contains("lower(title) LIKE :text", "text", "   ")
                .filter("sector = :sector", "sector", Sector.MUNICIPALITY)
                .filter("region = :region", "region", null)
                .condition(false, "archived");

        assertThat(query.where()).isEqualTo(" WHERE status <> 'UNCONFIRMED' AND sector = :sector");
        assertThat(query.params()).containsOnlyKeys("sector").containsEntry("sector", "MUNICIPALITY");
        assertThat(new FilteredQuery().where()).isEmpty();
    }
}
