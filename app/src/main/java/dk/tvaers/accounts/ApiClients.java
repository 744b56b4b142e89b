package dk.tvaers.accounts;

import dk.tvaers.platform.database.FilteredQuery;
import dk.tvaers.platform.web.PageOf;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API's machine clients (ADR 0039): created, changed, given a new secret and revoked by administrators, every
 * change in the audit log. A secret is made here, returned once ({@link IssuedSecret}) and kept only as its hash.
 */
@Service
public class ApiClients {

    /** A client with the secret just made for it: shown once, never stored in clear. */
    public record IssuedSecret(ApiClient client, String secret) {}

    /** Filters of the administrator's list; every field may be empty. */
    public record Filter(String text, Long organisationId, Boolean active) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String SELECT = """
            SELECT c.*, o.name AS organisation_name FROM api_client c JOIN organisation o ON o.id = c.organisation_id""";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final OrganisationDirectory organisations;

    ApiClients(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, OrganisationDirectory organisations) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public PageOf<ApiClient> search(Filter filter, int page, int size) {
        return new FilteredQuery()
                .contains("(lower(c.name) LIKE :text OR lower(c.client_id) LIKE :text)", "text", filter.text())
                .filter("c.organisation_id = :organisation", "organisation", filter.organisationId())
                .condition(Boolean.TRUE.equals(filter.active()), "c.revoked_at IS NULL")
                .condition(Boolean.FALSE.equals(filter.active()), "c.revoked_at IS NOT NULL")
                .orderBy("c.name, c.id")
                .page(jdbc, "SELECT count(*) FROM api_client c", SELECT, ApiClients::map, page, size);
    }

    @Transactional(readOnly = true)
    public Optional<ApiClient> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(ApiClients::map).optional();
    }

    /** The client a token request or a token names, if it exists (revoked or not). */
    @Transactional(readOnly = true)
    public Optional<ApiClient> findByClientId(String clientId) {
        return jdbc.sql(SELECT + " WHERE c.client_id = :clientId").param("clientId", clientId)
                .query(ApiClients::map).optional();
    }

    /** The stored hash of an active client's secret, for the token endpoint. */
    @Transactional(readOnly = true)
    public Optional<String> secretHash(String clientId) {
        return jdbc.sql("SELECT secret_hash FROM api_client WHERE client_id = :clientId AND revoked_at IS NULL")
                .param("clientId", clientId).query(String.class).optional();
    }

    @Transactional
    public IssuedSecret create(String name, long organisationId, Set<ApiScope> scopes, Actor actor) {
        Organisation organisation = activeOrganisation(organisationId);
        String clientId = "tvaers-" + HexFormat.of().formatHex(random(8));
        String secret = newSecret();
        long id = jdbc.sql("""
                INSERT INTO api_client (client_id, name, organisation_id, secret_hash, scopes)
                VALUES (:clientId, :name, :organisation, :hash, :scopes) RETURNING id""")
                .param("clientId", clientId).param("name", name.strip()).param("organisation", organisationId)
                .param("hash", passwords.encode(secret)).param("scopes", scopeArray(scopes))
                .query(Long.class).single();
        audit.record(AuditKind.API_CLIENT_CREATED, actor.id(), actor.name(), clientId,
                "name=" + name.strip() + " organisation=" + organisation.name() + " scopes=" + describe(scopes));
        return new IssuedSecret(find(id).orElseThrow(), secret);
    }

    /** Changes name, organisation and scopes; tokens already issued lose a removed scope at once. */
    @Transactional
    public ApiClient update(long id, String name, long organisationId, Set<ApiScope> scopes, Actor actor) {
        Organisation organisation = activeOrganisation(organisationId);
        ApiClient client = find(id).orElseThrow(() -> new IllegalArgumentException("no API client " + id));
        jdbc.sql("UPDATE api_client SET name = :name, organisation_id = :organisation, scopes = :scopes WHERE id = :id")
                .param("name", name.strip()).param("organisation", organisationId).param("scopes", scopeArray(scopes))
                .param("id", id).update();
        audit.record(AuditKind.API_CLIENT_UPDATED, actor.id(), actor.name(), client.clientId(),
                "name=" + name.strip() + " organisation=" + organisation.name() + " scopes=" + describe(scopes));
        return find(id).orElseThrow();
    }

    /** A new secret: the old one stops working for new tokens at once. */
    @Transactional
    public IssuedSecret rotate(long id, Actor actor) {
        ApiClient client = find(id).filter(ApiClient::active)
                .orElseThrow(() -> new IllegalArgumentException("no active API client " + id));
        String secret = newSecret();
        jdbc.sql("UPDATE api_client SET secret_hash = :hash, secret_changed_at = now() WHERE id = :id")
                .param("hash", passwords.encode(secret)).param("id", id).update();
        audit.record(AuditKind.API_CLIENT_SECRET_ROTATED, actor.id(), actor.name(), client.clientId(), "");
        return new IssuedSecret(find(id).orElseThrow(), secret);
    }

    /** Revokes the client: no new token, and the tokens it holds are refused from now on. */
    @Transactional
    public void revoke(long id, Actor actor) {
        ApiClient client = find(id).orElseThrow(() -> new IllegalArgumentException("no API client " + id));
        int changed = jdbc.sql("UPDATE api_client SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).update();
        if (changed > 0) {
            audit.record(AuditKind.API_CLIENT_REVOKED, actor.id(), actor.name(), client.clientId(), "");
        }
    }

    private Organisation activeOrganisation(long organisationId) {
        return organisations.find(organisationId).filter(Organisation::active)
                .orElseThrow(() -> new IllegalArgumentException("no active organisation " + organisationId));
    }

    private static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    private static String[] scopeArray(Set<ApiScope> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("an API client needs a scope");
        }
        return scopes.stream().map(ApiScope::value).sorted().toArray(String[]::new);
    }

    private static String describe(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::value).sorted().collect(Collectors.joining(" "));
    }

    static ApiClient map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("scopes");
        EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream((String[]) array.getArray()).map(ApiScope::ofValue).flatMap(Optional::stream)
                .forEach(scopes::add);
        var revoked = rs.getTimestamp("revoked_at");
        return new ApiClient(rs.getLong("id"), rs.getString("client_id"), rs.getString("name"),
                rs.getLong("organisation_id"), rs.getString("organisation_name"), Set.copyOf(scopes),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("secret_changed_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
