package dk.tvaers.applications;

import dk.tvaers.accounts.Actor;
import dk.tvaers.challenges.Challenge;
import dk.tvaers.challenges.Challenges;
import dk.tvaers.funding.Funding;
import dk.tvaers.funding.Tranches;
import dk.tvaers.funding.FundingRuleException;
import dk.tvaers.funding.GrantDecision;
import dk.tvaers.initiatives.Editor;
import dk.tvaers.initiatives.InitiativeKind;
import dk.tvaers.initiatives.InitiativeMembers;
import dk.tvaers.initiatives.Initiatives;
import dk.tvaers.initiatives.MemberRole;
import dk.tvaers.initiatives.NewInitiative;
import dk.tvaers.initiatives.TrialActions;
import dk.tvaers.shared.InnovationType;
import dk.tvaers.shared.Money;
import dk.tvaers.shared.Role;
import dk.tvaers.shared.Sector;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Task Force's decision on a submitted application: granted in full, granted a reduced amount (with the reason)
 * or rejected (with the reason). A grant is booked in the call's pool ({@link Funding#grant}, which refuses an
 * overdraw) and starts a project initiative, in the same transaction as the decision; the decision letter is made as
 * PDF and kept, and {@link ApplicationDecided} has it mailed after the commit.
 */
@Service
public class Decisions {

    private final JdbcClient jdbc;
    private final Applications applications;
    private final Consortia consortia;
    private final Challenges challenges;
    private final Funding funding;
    private final Tranches trancheCycle;
    private final Initiatives initiatives;
    private final DecisionLetters letters;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InitiativeMembers members;
    private final TrialActions trialActions;

    Decisions(JdbcClient jdbc, Applications applications, Consortia consortia, Challenges challenges, Funding funding,
            Tranches trancheCycle, Initiatives initiatives, DecisionLetters letters, ApplicationEventPublisher events, Clock clock,
            InitiativeMembers members, TrialActions trialActions) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.consortia = consortia;
        this.challenges = challenges;
        this.funding = funding;
        this.trancheCycle = trancheCycle;
        this.initiatives = initiatives;
        this.letters = letters;
        this.events = events;
        this.clock = clock;
        this.members = members;
        this.trialActions = trialActions;
    }

    /**
     * Decides on the application's latest version.
     *
     * @param amount the reduced amount (ignored for the other outcomes)
     * @param tranches the grant's tranche schedule (ignored for a rejection)
     * @throws ApplicationRuleException when the application is not submitted or already decided, a reduction or
     *     rejection has no reason, a reduced amount is not below what was applied for, the call has no pool, or
     *     funding refuses the grant (overdraw, tranches that do not add up)
     */
    @Transactional
    public void decide(long applicationId, Outcome outcome, Money amount, String reason,
            List<GrantDecision.NewTranche> tranches, Actor actor) {
        decide(applicationId, outcome, amount, reason, tranches, null, actor);
    }

    /**
     * As {@link #decide(long, Outcome, Money, String, List, Actor)}; before the call's deadline only with
     * {@code earlyReason} (others may still apply), which is kept with the decision.
     */
    @Transactional
    public void decide(long applicationId, Outcome outcome, Money amount, String reason,
            List<GrantDecision.NewTranche> tranches, String earlyReason, Actor actor) {
        jdbc.sql("SELECT id FROM application WHERE id = :id FOR UPDATE").param("id", applicationId).query(Long.class)
                .single();
        Application application = applications.find(applicationId);
        if (application.status() != ApplicationStatus.SUBMITTED) {
            throw new ApplicationRuleException(null, application.draft() ? "application.error.notSubmitted"
                    : "application.error.decided");
        }
        if (outcome == null) {
            throw new ApplicationRuleException("outcome", "validation.choose");
        }
        Challenge.Call applicationCall = challenges.find(application.challengeId()).calls().stream()
                .filter(c -> c.id() == application.callId()).findFirst().orElse(null);
        boolean early = applicationCall != null && clock.instant().isBefore(applicationCall.deadline());
        if (early && (earlyReason == null || earlyReason.isBlank())) {
            throw new ApplicationRuleException("earlyReason", "decision.error.beforeDeadline");
        }
        String keptEarlyReason = early ? earlyReason.strip() : null;
        boolean noReason = reason == null || reason.isBlank();
        if (outcome != Outcome.FULL && noReason) {
            throw new ApplicationRuleException("reason", "decision.error.reasonRequired");
        }
        ApplicationVersion version = applications.version(applicationId, application.latestVersion());
        Consortium consortium = consortia.find(application.consortiumId());
        Money applied = version.total();
        Money granted = null;
        Long grantId = null;
        Long initiativeId = null;
        if (outcome.grants()) {
            granted = outcome == Outcome.FULL ? applied : amount;
            if (outcome == Outcome.REDUCED && (granted == null || !granted.isPositive()
                    || granted.compareTo(applied) >= 0)) {
                throw new ApplicationRuleException("amount", "decision.error.reducedAmount", applied);
            }
            Challenge challenge = challenges.find(application.challengeId());
            Long poolId = challenge.calls().stream().filter(call -> call.id() == application.callId()).findFirst()
                    .map(Challenge.Call::poolId).orElse(null);
            if (poolId == null) {
                throw new ApplicationRuleException(null, "decision.error.noPool");
            }
            try {
                grantId = funding.grant(new GrantDecision(poolId, version.title(), consortium.leadOrganisationId(),
                        applied, granted, outcome == Outcome.FULL ? null : reason, tranches), actor);
            } catch (FundingRuleException e) {
                throw new ApplicationRuleException(e.field(), e.messageKey(), e.arguments());
            }
            // the consortium's member organisations report on the grant with the lead (the recipient)
            funding.shareWith(grantId, consortium.members().stream().map(Consortium.Member::organisationId).toList());
            Set<Sector> sectors = EnumSet.noneOf(Sector.class);
            consortium.members().forEach(member -> sectors.add(member.sector()));
            initiativeId = initiatives.start(new NewInitiative(version.title(), version.summary(),
                    InitiativeKind.PROJECT,
                    version.innovationType() == null ? InnovationType.EVERYDAY : version.innovationType(),
                    consortium.leadOrganisationId(), sectors, null), actor);
            funding.linkInitiative(grantId, initiativeId);
            carryOver(consortium, version, grantId, initiativeId, actor);
        }
        Instant now = clock.instant();
        Decision decision = new Decision(applicationId, version.version(), outcome, applied, granted,
                noReason ? null : reason.strip(), grantId, initiativeId, now, actor.name(), keptEarlyReason);
        byte[] letter = letters.render(decision, application, version, consortium,
                grantId == null ? List.of() : trancheCycle.tranches(grantId));
        jdbc.sql("""
                INSERT INTO application_decision (application_id, version, outcome, applied_ore, granted_ore, reason,
                    grant_id, initiative_id, letter_pdf, decided_at, decided_by_name, early_reason)
                VALUES (:id, :version, :outcome, :applied, :granted, :reason, :grant, :initiative, :letter, :now, :by,
                    :early)""")
                .param("id", applicationId).param("version", version.version()).param("outcome", outcome.name())
                .param("applied", applied.ore()).param("granted", granted == null ? null : granted.ore())
                .param("reason", decision.reason()).param("grant", grantId).param("initiative", initiativeId)
                .param("letter", letter).param("now", Timestamp.from(now)).param("by", actor.name())
                .param("early", keptEarlyReason).update();
        jdbc.sql("UPDATE application SET status = 'DECIDED' WHERE id = :id").param("id", applicationId).update();
        events.publishEvent(new ApplicationDecided(applicationId));
    }

    /**
     * What the application knew goes to the project and its grant: the consortium's organisations become members (the
     * lead as project lead), its contact people become the project's contacts, the planned trial actions are started,
     * and the first contact person reports on the grant (so the reminders reach someone).
     */
    private void carryOver(Consortium consortium, ApplicationVersion version, long grantId, long initiativeId,
            Actor actor) {
        // the Task Force decides, and the Task Force manages every initiative's members
        Editor editor = new Editor(actor.id() == null ? 0 : actor.id(), actor.name(), null, Set.of(Role.TASK_FORCE));
        members.addOrganisation(initiativeId, consortium.leadOrganisationId(), MemberRole.PROJECT_LEAD, editor);
        for (Consortium.Member member : consortium.members()) {
            if (member.organisationId() != consortium.leadOrganisationId()) {
                members.addOrganisation(initiativeId, member.organisationId(), MemberRole.PARTICIPANT, editor);
            }
        }
        for (Consortium.Person contact : consortium.contacts()) {
            members.addPerson(initiativeId, contact.userId(), MemberRole.CONTACT, editor);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Copenhagen"));
        for (String hypothesis : version.trialActions()) {
            if (hypothesis != null && !hypothesis.isBlank()) {
                trialActions.start(initiativeId, hypothesis, today);
            }
        }
        consortium.contacts().stream().map(Consortium.Person::email).filter(email -> email != null && !email.isBlank())
                .findFirst().ifPresent(email -> funding.changeContact(grantId, email));
    }

    @Transactional(readOnly = true)
    public Optional<Decision> of(long applicationId) {
        return jdbc.sql("SELECT * FROM application_decision WHERE application_id = :id").param("id", applicationId)
                .query((rs, n) -> new Decision(applicationId, rs.getInt("version"),
                        Outcome.valueOf(rs.getString("outcome")), new Money(rs.getLong("applied_ore")),
                        rs.getObject("granted_ore") == null ? null : new Money(rs.getLong("granted_ore")),
                        rs.getString("reason"), (Long) rs.getObject("grant_id"), (Long) rs.getObject("initiative_id"),
                        rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by_name"),
                        rs.getString("early_reason")))
                .optional();
    }

    /** The decision letter as it was made and sent. */
    @Transactional(readOnly = true)
    public Optional<byte[]> letter(long applicationId) {
        return jdbc.sql("SELECT letter_pdf FROM application_decision WHERE application_id = :id")
                .param("id", applicationId).query(byte[].class).optional();
    }
}
