package dk.tvaers.notifications.web;

import dk.tvaers.platform.web.Flash;
import dk.tvaers.notifications.Delivery;
import dk.tvaers.notifications.Follows;
import dk.tvaers.notifications.NotificationKind;
import dk.tvaers.notifications.Notifications;
import dk.tvaers.notifications.SubjectType;
import dk.tvaers.platform.security.CurrentUser;
import dk.tvaers.platform.web.NotFoundException;
import dk.tvaers.platform.web.ListPage;
import dk.tvaers.platform.web.PageOf;
import dk.tvaers.platform.web.SafeRedirect;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification centre (a user's notices, newest first, and what they follow), the per-kind delivery settings,
 * and following and unfollowing (the follow button of {@code fragments/follow} posts here). Everything is the
 * signed-in user's own: a notice of someone else is not found.
 */
@Controller
@PermitAll
class NotificationController {

    private final Notifications notifications;
    private final Follows follows;

    NotificationController(Notifications notifications, Follows follows) {
        this.notifications = notifications;
        this.follows = follows;
    }

    @GetMapping("/notifikationer")
    String centre(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "side", required = false) Integer page, Model model) {
        var notices = notifications.of(user.userId(), PageOf.clampPage(page), PageOf.DEFAULT_SIZE);
        model.addAttribute("page", notices);
        model.addAttribute("list", ListPage.of("/notifikationer", notices));
        model.addAttribute("followed", follows.of(user.userId()));
        return "notifications/centre";
    }

    /** Opens a notice: marks it read and goes to what it is about. */
    @GetMapping("/notifikationer/{id:\\d+}")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        String link = notifications.open(user.userId(), id).orElseThrow(() -> new NotFoundException("notification", id));
        return "redirect:" + SafeRedirect.localPath(link);
    }

    @PostMapping("/notifikationer/laest")
    String markAllRead(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        notifications.markAllRead(user.userId());
        Flash.notice(redirect, "notifications.allRead");
        return "redirect:/notifikationer";
    }

    @GetMapping("/notifikationer/indstillinger")
    String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("preferences", notifications.preferences(user.userId()));
        model.addAttribute("deliveries", Delivery.values());
        return "notifications/settings";
    }

    /** One select per kind, named by the kind; a value that is no delivery leaves that kind as it was. */
    @PostMapping("/notifikationer/indstillinger")
    String saveSettings(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<NotificationKind, Delivery> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            String value = form.get(kind.name());
            for (Delivery delivery : Delivery.values()) {
                if (delivery.name().equals(value)) {
                    choices.put(kind, delivery);
                }
            }
        }
        notifications.choose(user.userId(), choices);
        Flash.notice(redirect, "notifications.settings.saved");
        return "redirect:/notifikationer/indstillinger";
    }

    @PostMapping("/foelg")
    String follow(@AuthenticationPrincipal CurrentUser user, @RequestParam("type") SubjectType type,
            @RequestParam("id") long id, @RequestParam(name = "tilbage", defaultValue = "/notifikationer") String back,
            RedirectAttributes redirect) {
        if (!follows.follow(user.userId(), type, id)) {
            throw new NotFoundException(type.name(), id);
        }
        Flash.notice(redirect, "follow.started");
        return "redirect:" + SafeRedirect.localPath(back);
    }

    @PostMapping("/foelg/stop")
    String unfollow(@AuthenticationPrincipal CurrentUser user, @RequestParam("type") SubjectType type,
            @RequestParam("id") long id, @RequestParam(name = "tilbage", defaultValue = "/notifikationer") String back,
            RedirectAttributes redirect) {
        follows.unfollow(user.userId(), type, id);
        Flash.notice(redirect, "follow.stopped");
        return "redirect:" + SafeRedirect.localPath(back);
    }
}
