package dk.tvaers.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.IntegrationTest;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Sector;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A follow link works the moment it is written into a mail (committed at once, accounts.OneUseLinks says why):
 * someone who opens the mail at once must not be told the link is invalid.
 */
@IntegrationTest
class FollowLinkBeforeMailTests {

    @Autowired
    IdeaMails mails;

    @Autowired
    Ideas ideas;

    @Autowired
    JdbcClient jdbc;


    @Test
    void aFollowLinkIsValidForAnyoneBeforeTheListenersTransactionEnds() {
        long idea = ideas.submit(new NewIdea("Følgelink " + System.nanoTime(), "Problem", "Forslag", "Borgere",
                EnumSet.of(Sector.MUNICIPALITY), InnovationType.EVERYDAY, null, false, List.of()),
                Submitter.anonymous("Frida", "frida." + System.nanoTime() + "@borger.test"));
        long follower = jdbc.sql("SELECT id FROM idea_follower WHERE idea_id = :id").param("id", idea)
                .query(Long.class).single();
        String token = mails.followLinks().token(follower);
        Optional<Ideas.Follower> seenFromOutside = CompletableFuture.supplyAsync(() -> ideas.followerByToken(token))
                .join();
        assertThat(seenFromOutside).hasValueSatisfying(f -> assertThat(f.id()).isEqualTo(follower));
    }

    /** The listeners that mail follow links run outside a transaction (in one, the link would come after the mail). */
    @Test
    void theListenersThatMailFollowLinksRunWithoutATransaction() {
        List<Method> listeners = Arrays.stream(IdeaMails.class.getDeclaredMethods())
                .filter(m -> AnnotatedElementUtils.hasAnnotation(m, TransactionalEventListener.class)
                        || AnnotatedElementUtils.hasAnnotation(m, ApplicationModuleListener.class))
                .toList();
        assertThat(listeners).hasSize(4).allSatisfy(m -> assertThat(
                AnnotatedElementUtils.hasAnnotation(m, Transactional.class)).as(m.getName()).isFalse());
    }
}
