package dev.sanctions.embedded;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.authenticator.CredentialCache;
import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;

/**
 * SASL/PLAIN logins on the embedded broker, checked against the same SCRAM-SHA-512 credentials as SCRAM logins: for
 * clients whose SCRAM Kafka 4 refuses (librdkafka before 2.6.1, such as Debian 12's kcat; see docs/decisions.md).
 * A password is accepted when it yields the stored key the broker holds for the user, so there is one set of
 * logins, made and removed by {@code sanctions access}.
 *
 * <p>The broker makes this handler from its configuration; the broker's credentials are registered here under its
 * log directory once it has started.
 */
public final class PlainOverScram implements AuthenticateCallbackHandler {

    private static final Map<String, CredentialCache.Cache<ScramCredential>> BROKERS = new ConcurrentHashMap<>();

    private String logDirs;

    static void register(String logDirs, CredentialCache.Cache<ScramCredential> credentials) {
        BROKERS.put(logDirs, credentials);
    }

    static void unregister(String logDirs) {
        BROKERS.remove(logDirs);
    }

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        Object dirs = configs.get("log.dirs");
        logDirs = dirs instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(dirs);
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        String user = null;
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                user = name.getDefaultName();
            } else if (callback instanceof PlainAuthenticateCallback plain) {
                plain.authenticated(user != null && matches(user, new String(plain.password())));
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private boolean matches(String user, String password) {
        CredentialCache.Cache<ScramCredential> credentials = BROKERS.get(logDirs);
        ScramCredential stored = credentials == null ? null : credentials.get(user);
        if (stored == null) {
            return false;
        }
        try {
            ScramFormatter formatter = new ScramFormatter(ScramMechanism.SCRAM_SHA_512);
            byte[] salted = formatter.saltedPassword(password, stored.salt(), stored.iterations());
            return MessageDigest.isEqual(formatter.storedKey(formatter.clientKey(salted)), stored.storedKey());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            return false;
        }
    }

    @Override
    public void close() {
        // Nothing held: the credentials are the broker's.
    }
}
