package dk.tvaers.accounts.web;

import dk.tvaers.accounts.AccountPrincipal;
import dk.tvaers.accounts.Actor;

final class AdminActor {

    private AdminActor() {}

    static Actor of(AccountPrincipal principal) {
        return new Actor(principal.userId(), principal.getUsername());
    }
}
