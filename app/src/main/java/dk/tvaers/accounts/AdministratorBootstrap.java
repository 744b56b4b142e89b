package dk.tvaers.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users yet), creates the administrator: from {@code TVAERS_ADMIN_EMAIL} and
 * {@code TVAERS_ADMIN_PASSWORD} when set, otherwise as {@code admin} with a one-time password printed to the log
 * that must be changed at first login. There is no default password.
 */
@Component
@Order(1)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserDirectory users;
    private final PasswordPolicy passwordPolicy;
    private final String email;
    private final String password;

    AdministratorBootstrap(UserDirectory users, PasswordPolicy passwordPolicy,
            @Value("${tvaers.admin.email:}") String email, @Value("${tvaers.admin.password:}") String password) {
        this.users = users;
        this.passwordPolicy = passwordPolicy;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        if (!email.isBlank() && !password.isBlank()) {
            var problem = passwordPolicy.problem(password, email);
            if (problem.isPresent()) {
                throw new IllegalStateException("TVAERS_ADMIN_PASSWORD opfylder ikke kravene til en adgangskode: "
                        + "mindst " + PasswordPolicy.MIN_LENGTH + " tegn, ikke almindelig og ikke din e-mail");
            }
            users.createAdministrator(email.strip(), email.strip(), password, false);
            log.info("Administrator {} er oprettet ud fra TVAERS_ADMIN_EMAIL.", email.strip());
            return;
        }
        String oneTime = PasswordGenerator.generate(16);
        users.createAdministrator("admin", null, oneTime, true);
        log.warn("""

                ================================================================
                 Tværs: første start. Log ind som administrator med
                   brugernavn: admin
                   engangsadgangskode: {}
                 Adgangskoden skal skiftes ved første login.
                ================================================================""", oneTime);
    }
}
