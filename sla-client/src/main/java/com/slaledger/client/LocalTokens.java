package com.slaledger.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bearer tokens for a stack that has no identity provider: an RSA key pair in a folder of the run
 * directory (made on first use, never committed) and RS256-signed JWTs with the claims the
 * services check: {@code iss}, {@code sub}, {@code groups} (the role), {@code contracts} and
 * {@code services} and {@code duties} (optional limits), {@code iat}, {@code exp}. The services verify them with the
 * public key, exactly as they verify an OIDC provider's tokens with its JWKS. Used by
 * {@code deploy/local/stack token}, the system tests, the demo and the benchmark drivers.
 *
 * <pre>
 * java -cp sla-client.jar com.slaledger.client.LocalTokens keys DIR
 * java -cp sla-client.jar com.slaledger.client.LocalTokens token DIR ROLE [--contracts a,b] [--services x,y] [--duties d,e]
 *      [--ttl PT24H] [--subject NAME]
 * </pre>
 */
public final class LocalTokens {

    /** The issuer the local stack's services expect ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "sla-ledger-local";

    /** The audience the services expect ({@code mp.jwt.verify.audiences}): tokens issued for this system. */
    public static final String AUDIENCE = "sla-ledger";

    public static final Set<String> ROLES = Set.of("operator", "viewer", "probe", "helpdesk", "customer", "metrics");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey key;
    private final String issuer;
    private final Clock clock;

    public LocalTokens(PrivateKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The tokens of the key pair in {@code dir}, made there first if it is missing. */
    public static LocalTokens of(Path dir) {
        ensureKeys(dir);
        return new LocalTokens(readPrivateKey(dir.resolve("private.pem")), ISSUER, Clock.systemUTC());
    }

    /** What a token says: its role and, for limited roles, the contracts or services it may touch. */
    public record Grant(
            String subject,
            String role,
            List<String> contracts,
            List<String> services,
            Duration ttl,
            List<String> duties,
            List<String> probes) {

        /** Without a limit on duties or probe ids. */
        public Grant(String subject, String role, List<String> contracts, List<String> services, Duration ttl) {
            this(subject, role, contracts, services, ttl, null, null);
        }

        /** Without a limit on probe ids. */
        public Grant(
                String subject,
                String role,
                List<String> contracts,
                List<String> services,
                Duration ttl,
                List<String> duties) {
            this(subject, role, contracts, services, ttl, duties, null);
        }

        public Grant {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown role " + role + "; one of " + ROLES);
            }
            contracts = contracts == null ? List.of() : List.copyOf(contracts);
            services = services == null ? List.of() : List.copyOf(services);
            duties = duties == null ? List.of() : List.copyOf(duties);
            probes = probes == null ? List.of() : List.copyOf(probes);
            ttl = ttl == null ? Duration.ofHours(24) : ttl;
            subject = subject == null ? role : subject;
        }

        public static Grant of(String role) {
            return new Grant(null, role, null, null, null);
        }

        /** A help desk's token limited to the given contracts. */
        public static Grant helpdesk(String... contracts) {
            return new Grant("helpdesk-" + String.join("-", contracts), "helpdesk", List.of(contracts), null, null);
        }

        /** A probe's token that may report only as the given probe ids, on any service. */
        public static Grant probe(String... probes) {
            return new Grant("probe-" + String.join("-", probes), "probe", null, null, null, null, List.of(probes));
        }

        public static Grant customer(String... contracts) {
            return new Grant("customer-" + String.join("-", contracts), "customer", List.of(contracts), null, null);
        }
    }

    public String token(Grant grant) {
        return token(grant, AUDIENCE);
    }

    /** A token for another audience (null: none), as another client of the same issuer would hold. */
    public String token(Grant grant, String audience) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        if (audience != null) {
            claims.put("aud", audience);
        }
        claims.put("sub", grant.subject());
        claims.put("upn", grant.subject());
        claims.put("groups", List.of(grant.role()));
        if (!grant.contracts().isEmpty()) {
            claims.put("contracts", grant.contracts());
        }
        if (!grant.services().isEmpty()) {
            claims.put("services", grant.services());
        }
        if (!grant.duties().isEmpty()) {
            claims.put("duties", grant.duties());
        }
        if (!grant.probes().isEmpty()) {
            claims.put("probes", grant.probes());
        }
        claims.put("iat", now);
        claims.put("exp", now + grant.ttl().getSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    private String sign(Map<String, Object> claims) {
        try {
            String header = base64Url(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = base64Url(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64Url(rsa.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Makes {@code private.pem} (PKCS#8, readable by its owner only) and {@code public.pem} unless both exist. */
    public static synchronized void ensureKeys(Path dir) {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the folder's own permissions apply
            }
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token keys to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static PrivateKey readPrivateKey(Path pem) {
        try {
            String text = Files.readString(pem)
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key: " + pem, e);
        }
    }

    /** The command line of {@code deploy/local/stack token}; see the class comment. */
    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("keys")) {
            ensureKeys(Path.of(args[1]));
            return;
        }
        if (args.length < 3 || !args[0].equals("token")) {
            System.err.println("usage: keys DIR | token DIR ROLE [--contracts a,b] [--services x,y] [--duties d,e]"
                    + " [--probes p,q] [--ttl PT24H]"
                    + " [--subject NAME]");
            System.exit(2);
        }
        List<String> contracts = new ArrayList<>();
        List<String> services = new ArrayList<>();
        List<String> duties = new ArrayList<>();
        List<String> probes = new ArrayList<>();
        Duration ttl = null;
        String subject = null;
        for (int i = 3; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--contracts" -> contracts.addAll(List.of(args[i + 1].split(",")));
                case "--services" -> services.addAll(List.of(args[i + 1].split(",")));
                case "--duties" -> duties.addAll(List.of(args[i + 1].split(",")));
                case "--probes" -> probes.addAll(List.of(args[i + 1].split(",")));
                case "--ttl" -> ttl = Duration.parse(args[i + 1]);
                case "--subject" -> subject = args[i + 1];
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        try {
            System.out.println(
                    of(Path.of(args[1])).token(new Grant(subject, args[2], contracts, services, ttl, duties, probes)));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
