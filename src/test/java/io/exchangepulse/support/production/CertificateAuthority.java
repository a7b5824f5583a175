package io.exchangepulse.support.production;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A certificate authority of the test's own, as a cluster's (Strimzi's cluster CA, CloudNativePG's) would be:
 * it signs the servers' certificates for the names given, and its certificate is all a client trusts.
 */
public final class CertificateAuthority {

    /** Fixed, far from any real clock's edge: the certificates never expire while a suite runs. */
    private static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    private static final Duration VALIDITY = Duration.ofDays(365 * 50);

    private final Path dir;
    private final KeyPair keys;
    private final X500Name name;
    private final AtomicLong serial = new AtomicLong(1);

    private CertificateAuthority(Path dir, KeyPair keys, X500Name name) {
        this.dir = dir.toAbsolutePath();
        this.keys = keys;
        this.name = name;
    }

    /** A new authority whose certificate is {@code ca.crt} in {@code dir}. */
    public static CertificateAuthority create(Path dir, String commonName) throws Exception {
        Files.createDirectories(dir);
        KeyPair keys = newKeys();
        X500Name name = new X500Name("CN=" + commonName);
        var authority = new CertificateAuthority(dir, keys, name);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, authority.nextSerial(), Date.from(NOT_BEFORE),
                Date.from(NOT_BEFORE.plus(VALIDITY)), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        writePem(authority.certificate(), "CERTIFICATE", authority.sign(builder).getEncoded());
        return authority;
    }

    public Path certificate() {
        return dir.resolve("ca.crt");
    }

    /**
     * A server certificate for {@code hosts} (names or IP addresses), with its unencrypted key: {@code
     * <file>.crt}, {@code <file>.key} (PKCS #8, readable by its owner only, as PostgreSQL requires) and {@code
     * <file>.pem} (key and certificate in one file, as Kafka's PEM key store takes them).
     */
    public ServerCertificate issue(String file, String... hosts) throws Exception {
        KeyPair serverKeys = newKeys();
        GeneralName[] names = new GeneralName[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            names[i] = isAddress(hosts[i])
                    ? new GeneralName(GeneralName.iPAddress, hosts[i])
                    : new GeneralName(GeneralName.dNSName, hosts[i]);
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, nextSerial(), Date.from(NOT_BEFORE),
                Date.from(NOT_BEFORE.plus(VALIDITY)), new X500Name("CN=" + hosts[0]), serverKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        byte[] certificate = sign(builder).getEncoded();
        var issued = new ServerCertificate(dir.resolve(file + ".crt"), dir.resolve(file + ".key"), dir.resolve(file + ".pem"));
        writePem(issued.certificate(), "CERTIFICATE", certificate);
        writePem(issued.key(), "PRIVATE KEY", serverKeys.getPrivate().getEncoded());
        Files.setPosixFilePermissions(issued.key(), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(issued.keyAndCertificate(), Files.readString(issued.key()) + Files.readString(issued.certificate()));
        return issued;
    }

    public record ServerCertificate(Path certificate, Path key, Path keyAndCertificate) {
    }

    private X509CertificateHolder sign(X509v3CertificateBuilder builder) throws Exception {
        PrivateKey signer = keys.getPrivate();
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer));
    }

    private BigInteger nextSerial() {
        return BigInteger.valueOf(serial.getAndIncrement());
    }

    private static KeyPair newKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static boolean isAddress(String host) {
        return host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
