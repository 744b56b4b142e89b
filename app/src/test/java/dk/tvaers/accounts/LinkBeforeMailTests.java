package dk.tvaers.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.Role;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mailed link works the moment its mail goes out: the listener that sent it used to commit the link only after the
 * mail, and a recipient (or a browser test, AccessibilityScanTests in a full run) quicker than that commit was told the link
 * was no longer valid. A link whose mail failed is not kept.
 */
@IntegrationTest
class LinkBeforeMailTests {

    @Autowired
    OneUseLinks links;

    @Autowired
    UserDirectory users;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theLinkIsValidForAnyoneWhenItsMailGoesOut() {
        long owner = aUser();
        AtomicReference<Optional<Long>> seenFromOutside = new AtomicReference<>();
        // the "mail" looks the link up as the person following it does: on another connection, at once
        links.sendWith(OneUseLinks.Kind.PASSWORD_RESET, owner, Duration.ofHours(1), token -> seenFromOutside.set(
                CompletableFuture.supplyAsync(() -> links.owner(OneUseLinks.Kind.PASSWORD_RESET, token)).join()));
        assertThat(seenFromOutside.get()).contains(owner);
    }

    /** Inside a transaction the link would be valid only after it commits, after the mail: refused, nothing sent. */
    @Test
    void aLinkIsNotMailedFromInsideATransaction() {
        long owner = aUser();
        AtomicReference<String> mailed = new AtomicReference<>();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> links.sendWith(
                OneUseLinks.Kind.PASSWORD_RESET, owner, Duration.ofHours(1), mailed::set)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(mailed.get()).isNull();
    }

    /** The listeners that mail links run outside a transaction (in one, the link would come after the mail). */
    @Test
    void theListenersThatMailLinksRunWithoutATransaction() throws Exception {
        for (var listener : List.of(PasswordResets.class.getDeclaredMethod("send", PasswordResetRequested.class),
                SignUps.class.getDeclaredMethod("send", SignUpRequested.class))) {
            assertThat(AnnotatedElementUtils.hasAnnotation(listener, Transactional.class)).as(listener.getName())
                    .isFalse();
            assertThat(AnnotatedElementUtils.hasAnnotation(listener, TransactionalEventListener.class))
                    .as(listener.getName()).isTrue();
        }
    }

    @Test
    void aLinkWhoseMailFailedIsRemovedAgain() {
        long owner = aUser();
        AtomicReference<String> attempted = new AtomicReference<>();
        assertThatThrownBy(() -> links.sendWith(OneUseLinks.Kind.PASSWORD_RESET, owner, Duration.ofHours(1), token -> {
            attempted.set(token);
            throw new IllegalStateException("the mail server is down");
        })).hasMessage("the mail server is down");
        assertThat(links.owner(OneUseLinks.Kind.PASSWORD_RESET, attempted.get())).isEmpty();
    }

    private long aUser() {
        String email = "link.before.mail." + System.nanoTime() + "@test.tvaers.dk";
        return users.create(new UserAttributes(email, "Linda Link", null, Set.of(Role.CITIZEN)),
                "Lindas-adgangskode-2026", false, Actor.SYSTEM);
    }
}
