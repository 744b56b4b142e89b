package dk.tvaers.platform.web;

import dk.tvaers.platform.search.SearchHit;
import dk.tvaers.platform.search.SiteSearch;
import dk.tvaers.platform.security.CurrentUser;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The site-wide search ({@code /soeg?q=…&type=…&side=…}; the header's search field sends here): hits of every kind,
 * grouped by kind with each kind's count. Open to everyone; a visitor without a login is rate-limited
 * ({@code search}).
 */
@Controller
class SearchController {

    private final SiteSearch search;

    SearchController(SiteSearch search) {
        this.search = search;
    }

    @GetMapping("/soeg")
    String search(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "type", required = false) String kind,
            @RequestParam(name = ListPage.PAGE_PARAMETER, required = false) Integer page,
            HtmxRequest htmx, Model model) {
        SiteSearch.Result result = search.search(text, kind, user != null, PageOf.clampPage(page));
        model.addAttribute("result", result);
        model.addAttribute("list", ListPage.<SearchHit>of("/soeg", result.page())
                .filter("q", result.text()).filter("type", result.kind()));
        return ListPage.view("pages/search", htmx.isHtmxRequest());
    }
}
