package dk.tvaers.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.tvaers.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The layout's message box shows only the flash of a redirect (Flash), never a page's own "notice" or "problem". */
@IntegrationTest
class FlashMessageTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aPageWithItsOwnNoticeShowsItOnceNotAgainAsTheLayoutsFlash() throws Exception {
        // the login page says itself that the password was reset (its model attribute "notice")
        String html = mvc.perform(get("/login").param("nulstillet", "")).andReturn().getResponse()
                .getContentAsString();

        var boxes = Jsoup.parse(html).select(".alert-success");
        assertThat(boxes).hasSize(1);
        assertThat(boxes.text()).contains("adgangskode");
    }
}
