package dk.tvaers.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.tvaers.IntegrationTest;
import dk.tvaers.ideas.Ideas;
import dk.tvaers.ideas.NewIdea;
import dk.tvaers.ideas.Submitter;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Sector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The read-only API v1 (issue 15): keyset pages with a next link, validators per page, unknown datasets 404. */
@IntegrationTest
class ApiTests {

    private static final Pattern ID = Pattern.compile("\\{\"id\":(\\d+),");
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    Ideas ideas;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesFollowTheirNextLinksThroughEveryRowOnce() throws Exception {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = ideas.submit(new NewIdea("API-idé " + i + " " + System.nanoTime(), "Problem", "Forslag",
                    "Patienter", EnumSet.of(Sector.REGION), InnovationType.EVERYDAY, Region.MIDTJYLLAND, false,
                    List.of()), Submitter.anonymous("Borger", null));
            jdbc.sql("UPDATE idea SET status = 'SUBMITTED' WHERE id = :id").param("id", id).update();
            mine.add(id);
        }
        String url = "/api/v1/ideer?efter=" + (mine.getFirst() - 1) + "&antal=2";
        List<Long> seen = new ArrayList<>();
        int pages = 0;
        while (url != null && pages < 10) {
            String body = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            Matcher ids = ID.matcher(body);
            int onPage = 0;
            while (ids.find()) {
                seen.add(Long.parseLong(ids.group(1)));
                onPage++;
            }
            assertThat(onPage).isLessThanOrEqualTo(2);
            Matcher next = NEXT.matcher(body);
            url = next.find() ? next.group(1) : null;
            pages++;
        }
        assertThat(seen).containsAll(mine).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anUnchangedPageIsNotSentAgainAndUnknownDatasetsAreNotFound() throws Exception {
        var first = mvc.perform(get("/api/v1/udfordringer").param("antal", "5")).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(first.getContentAsString()).startsWith("{\"dataset\":\"udfordringer\",\"items\":[");
        mvc.perform(get("/api/v1/udfordringer").param("antal", "5").header("If-None-Match", first.getHeader("ETag")))
                .andExpect(status().isNotModified());
        // another page is another validator
        mvc.perform(get("/api/v1/udfordringer").param("antal", "6").header("If-None-Match", first.getHeader("ETag")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/hemmeligt")).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/api/v1")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("\"/api/v1/ideer\"", "\"/api/v1/udbredelser\"");
    }
}
