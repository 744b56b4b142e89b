package dk.tvaers.accounts.api;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA key that signs the API's access tokens. Made once and kept in PostgreSQL ({@code api_signing_key}), so a
 * restart keeps tokens valid and two instances on one database sign and verify alike (ADR 0023, 0039). Two instances
 * starting at the same moment take the same key: the insert does nothing when a key is there, and both read the first.
 */
final class ApiSigningKey {

    private ApiSigningKey() {}

    static JWKSet loadOrCreate(JdbcClient jdbc, TransactionTemplate transactions) {
        return transactions.execute(status -> {
            jdbc.sql("LOCK TABLE api_signing_key IN SHARE ROW EXCLUSIVE MODE").update();
            var existing = jdbc.sql("SELECT key_id, private_key, public_key FROM api_signing_key ORDER BY created_at LIMIT 1")
                    .query((rs, n) -> rsa(rs.getString("key_id"), rs.getBytes("private_key"), rs.getBytes("public_key")))
                    .optional();
            if (existing.isPresent()) {
                return new JWKSet(existing.get());
            }
            KeyPair pair = generate();
            String keyId = UUID.randomUUID().toString();
            jdbc.sql("INSERT INTO api_signing_key (key_id, private_key, public_key) VALUES (:id, :private, :public)")
                    .param("id", keyId).param("private", pair.getPrivate().getEncoded())
                    .param("public", pair.getPublic().getEncoded()).update();
            return new JWKSet(rsa(keyId, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded()));
        });
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key generator", e);
        }
    }

    private static RSAKey rsa(String keyId, byte[] privateKey, byte[] publicKey) {
        try {
            var factory = KeyFactory.getInstance("RSA");
            var priv = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            var pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(keyId).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored API signing key cannot be read", e);
        }
    }
}
