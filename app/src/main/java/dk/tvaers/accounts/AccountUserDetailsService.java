package dk.tvaers.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a local account for form login, by username or e-mail address. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserDirectory users;

    AccountUserDetailsService(UserDirectory users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        UserAccount account = users.findByLogin(login)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        String hash = users.passwordHash(account.id());
        if (hash == null) {
            // an account that only logs in with OpenID Connect, or has not yet chosen a password
            throw new UsernameNotFoundException("no local password");
        }
        return new AccountPrincipal(account, hash, null);
    }
}
