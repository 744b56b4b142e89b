package dk.tvaers.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dk.tvaers.IntegrationTest;
import dk.tvaers.TestSmtp;
import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;
import dk.tvaers.accounts.UserAccount;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Region;
import dk.tvaers.shared.Role;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Progress-report reminders: mailed to the grant's contact once before the report is due and once when it is
 * overdue, never for a report that has come. Each test uses its own far-future due date and contact address.
 */
@IntegrationTest
class ReportRemindersTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Actor TASK_FORCE = new Actor(9101L, "Tove Task Force");
    /** How long to wait for a mail that should not come (listeners run asynchronously after the commit). */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.serverSetup());

    @Autowired
    Funding funding;

    @Autowired
    Tranches trancheCycle;

    @Autowired
    ReportReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void remindsTheContactOnceBeforeTheReportIsDue() throws Exception {
        LocalDate due = aDueDate();
        String contact = aContact();
        long grant = aGrant(contact, due);
        long tranche = trancheCycle.tranches(grant).getFirst().id();

        reminders.remind(due.minusDays(15));
        assertThat(recorded(tranche)).isEmpty();

        reminders.remind(due.minusDays(14));
        reminders.remind(due.minusDays(10));
        reminders.remind(due);

        assertThat(recorded(tranche)).containsExactly("UPCOMING");
        List<MimeMessage> received = await(contact, 1);
        assertThat(received.getFirst().getSubject()).contains("skal snart afleveres").contains("rate 1");
        assertThat(String.valueOf(received.getFirst().getContent()))
                .contains("/finansiering/bevillinger/" + grant)
                .contains(String.format("%02d-%02d-%d", due.getDayOfMonth(), due.getMonthValue(), due.getYear()));
        Thread.sleep(QUIET.toMillis());
        assertThat(mailsTo(contact)).hasSize(1);
    }

    @Test
    void remindsOnceWhenTheReportIsOverdue() throws Exception {
        LocalDate due = aDueDate();
        String contact = aContact();
        long grant = aGrant(contact, due);
        long tranche = trancheCycle.tranches(grant).getFirst().id();

        reminders.remind(due.plusDays(1));
        reminders.remind(due.plusDays(8));

        // the job first ran after the due date: only the overdue reminder, once
        assertThat(recorded(tranche)).containsExactly("OVERDUE");
        assertThat(await(contact, 1).getFirst().getSubject()).contains("er forsinket");
        Thread.sleep(QUIET.toMillis());
        assertThat(mailsTo(contact)).hasSize(1);
    }

    @Test
    void sendsNoReminderForAReportThatHasCome() throws Exception {
        LocalDate due = aDueDate();
        String contact = aContact();
        long grant = aGrant(contact, due, due);
        Tranche first = trancheCycle.tranches(grant).getFirst();
        Tranche second = trancheCycle.tranches(grant).getLast();
        trancheCycle.submitReport(first.id(), "Rapporten kom i god tid", new Actor(1L, "Projektleder"));

        reminders.remind(due.minusDays(3));
        reminders.remind(due.plusDays(2));

        assertThat(recorded(first.id())).isEmpty();
        assertThat(recorded(second.id())).containsExactlyInAnyOrder("UPCOMING", "OVERDUE");
        List<MimeMessage> received = await(contact, 2);
        assertThat(received).extracting(MimeMessage::getSubject).allSatisfy(subject ->
                assertThat(subject).contains("rate 2").doesNotContain("rate 1"));
        Thread.sleep(QUIET.toMillis());
        assertThat(mailsTo(contact)).hasSize(2);
    }

    @Test
    void theTaskForceSetsTheContactOnTheGrantsPage() throws Exception {
        long grant = aGrant(null, aDueDate());
        var taskForce = authentication(as(Role.TASK_FORCE));

        var refused = mvc.perform(post("/finansiering/bevillinger/" + grant + "/kontakt").with(taskForce).with(csrf())
                .param("contactEmail", "ikke en adresse")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("Skriv en gyldig e-mailadresse").contains("ikke en adresse");
        assertThat(funding.grantById(grant).contactEmail()).isNull();

        String contact = aContact();
        var saved = mvc.perform(post("/finansiering/bevillinger/" + grant + "/kontakt").with(taskForce).with(csrf())
                .param("contactEmail", contact)).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/finansiering/bevillinger/" + grant);
        assertThat(funding.grantById(grant).contactEmail()).isEqualTo(contact);
        assertThat(mvc.perform(post("/finansiering/bevillinger/" + grant + "/kontakt")
                .with(authentication(as(Role.STAFF))).with(csrf()).param("contactEmail", "x@y.dk"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private static UsernamePasswordAuthenticationToken as(Role role) {
        var principal = AccountPrincipal.of(new UserAccount(990_000L + role.ordinal(), role + "@reminders.test",
                role + "@reminders.test", "Påmindelse " + role, null, null, Set.of(role), true, false, 0, null, true,
                false, null, "da"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private long aGrant(String contact, LocalDate... dues) {
        long pool = funding.createPool("Påmindelsespulje " + SEQUENCE.incrementAndGet() + " " + System.nanoTime(),
                Region.MIDTJYLLAND, Money.ofKroner(1_000_000), 2030, 2040);
        List<GrantDecision.NewTranche> tranches = Arrays.stream(dues)
                .map(due -> new GrantDecision.NewTranche(Money.ofKroner(100_000), due)).toList();
        return funding.grant(new GrantDecision(pool, "Hjemmemonitorering " + SEQUENCE.get(), null,
                Money.ofKroner(100_000L * dues.length), Money.ofKroner(100_000L * dues.length), null, tranches,
                contact), TASK_FORCE);
    }

    /** A due date no other test uses, far from today, so that the scheduled run does not meet it. */
    private static LocalDate aDueDate() {
        return LocalDate.of(2035, 1, 1).plusDays(40L * SEQUENCE.incrementAndGet());
    }

    private static String aContact() {
        return "projektleder" + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@kommune.test";
    }

    private List<String> recorded(long trancheId) {
        return jdbc.sql("SELECT kind FROM report_reminder WHERE tranche_id = :id ORDER BY kind")
                .param("id", trancheId).query(String.class).list();
    }

    private static List<MimeMessage> await(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> found = mailsTo(address);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " mails to " + address + ", got " + mailsTo(address).size());
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
