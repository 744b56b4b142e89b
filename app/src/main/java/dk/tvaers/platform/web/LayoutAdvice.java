package dk.tvaers.platform.web;

import dk.tvaers.platform.security.CurrentUser;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page what the DKFDS layout needs: the signed-in user and the navigation they may use. */
@ControllerAdvice
class LayoutAdvice {

    private final List<NavigationItem> items;
    private final ObjectProvider<NotificationBadge> badge;
    private final ObjectProvider<FollowState> followState;

    LayoutAdvice(ObjectProvider<NavigationContributor> contributors, ObjectProvider<NotificationBadge> badge,
            ObjectProvider<FollowState> followState) {
        this.badge = badge;
        this.followState = followState;
        this.items = contributors.stream()
                .flatMap(contributor -> contributor.navigationItems().stream())
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return user;
        }
        return null;
    }

    /** The signed-in user's unread notices for the header's badge; null when nobody is signed in. */
    @ModelAttribute("unreadNotifications")
    Long unreadNotifications() {
        CurrentUser user = currentUser();
        NotificationBadge source = badge.getIfAvailable();
        return user == null || source == null ? null : source.unread(user.userId());
    }

    /** What the follow button asks ({@code fragments/follow}); null when no module offers following. */
    @ModelAttribute("followState")
    FollowState followState() {
        return followState.getIfAvailable();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        CurrentUser user = currentUser();
        return items.stream()
                .filter(item -> item.isPublic()
                        || (user != null && (item.roles().isEmpty() || item.roles().stream().anyMatch(user::hasRole))))
                .toList();
    }

    /**
     * The address the user asked for. An error page (403, 404, 500) is rendered in a forward to /error, so there it
     * is the original address: the footer's language switch must lead back to it, not to /error.
     */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original
                : request.getRequestURI();
    }
}
