/**
 * Accounts: organisations (each with a sector and a region), users and their roles, local and OpenID Connect
 * login, password reset, and the append-only audit log of security-relevant events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package dk.tvaers.accounts;
