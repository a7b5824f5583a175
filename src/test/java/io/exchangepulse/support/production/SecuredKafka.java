package io.exchangepulse.support.production;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangepulse.support.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A real Kafka broker (KRaft, in this JVM) set up as the cluster's Strimzi Kafka is (k8s/overlays/dev/kafka.yaml):
 * clients reach it over TLS with a certificate from the suite's authority and sign in with SCRAM-SHA-512, and
 * simple authorization lets each user do only what its ACLs say. The test's own door is a plain listener whose
 * anonymous principal is the super user, as Strimzi's operators have theirs; nothing else uses it.
 */
public final class SecuredKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final String securedAddress;
    private final Path caCertificate;

    private SecuredKafka(KafkaClusterTestKit cluster, String securedAddress, Path caCertificate) {
        this.cluster = cluster;
        this.securedAddress = securedAddress;
        this.caCertificate = caCertificate;
    }

    public static SecuredKafka start(Path dir, CertificateAuthority authority) throws Exception {
        var certificate = authority.issue("kafka", "localhost", "127.0.0.1");
        int port = Ports.free();
        var nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dir)
                .build();
        var cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,SECURE://localhost:" + port)
                .setConfigProp("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SECURE:SASL_SSL")
                .setConfigProp("listener.name.secure.sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .setConfigProp("listener.name.secure.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .setConfigProp("listener.name.secure.ssl.keystore.type", "PEM")
                .setConfigProp("listener.name.secure.ssl.keystore.location", certificate.keyAndCertificate().toString())
                // Strimzi's `authorization: simple`.
                .setConfigProp("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .setConfigProp("allow.everyone.if.no.acl.found", "false")
                .setConfigProp("super.users", "User:ANONYMOUS")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new SecuredKafka(cluster, "localhost:" + port, authority.certificate());
    }

    /** Where clients sign in: TLS and SCRAM-SHA-512. */
    public String securedBootstrapServers() {
        return securedAddress;
    }

    public Path caCertificate() {
        return caCertificate;
    }

    /** The line Strimzi's user operator puts in a KafkaUser's Secret (key sasl.jaas.config). */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The KafkaTopics as Strimzi's topic operator makes them: name, partitions and configuration. */
    public void createTopics(List<JsonNode> kafkaTopics) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (JsonNode topic : kafkaTopics) {
            JsonNode spec = topic.path("spec");
            Map<String, String> config = new HashMap<>();
            spec.path("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
            topics.add(new NewTopic(spec.path("topicName").asText(topic.at("/metadata/name").asText()),
                    spec.path("partitions").asInt(1), (short) 1).configs(config));
        }
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get();
        }
    }

    /**
     * The KafkaUsers as Strimzi's user operator makes them: a SCRAM-SHA-512 credential with the password given,
     * and the user's ACLs (allow; every host).
     */
    public void createUser(JsonNode kafkaUser, String password) throws Exception {
        String user = kafkaUser.at("/metadata/name").asText();
        List<AclBinding> acls = new ArrayList<>();
        for (JsonNode acl : kafkaUser.at("/spec/authorization/acls")) {
            var resource = new ResourcePattern(
                    ResourceType.fromString(acl.at("/resource/type").asText().toUpperCase(Locale.ROOT)),
                    acl.at("/resource/name").asText(),
                    acl.at("/resource/patternType").asText("literal").equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL);
            for (JsonNode operation : acl.path("operations")) {
                acls.add(new AclBinding(resource, new AccessControlEntry("User:" + user, "*",
                        AclOperation.fromString(operation.asText().toUpperCase(Locale.ROOT)), AclPermissionType.ALLOW)));
            }
        }
        createCredential(user, password);
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get();
        }
    }

    /** A user that can sign in and has no ACL at all. */
    public void createCredential(String user, String password) throws Exception {
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
        }
    }

    /** A producer signed in as {@code user}, over TLS, as a liaison desk's gateway or an intruder would be. */
    public KafkaProducer<String, String> producer(String user, String password) {
        Properties properties = clientProperties(user, password);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Every record of {@code topic} so far, read through the test's door. */
    public List<String> readAll(String topic) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", cluster.bootstrapServers());
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }

    private Properties clientProperties(String user, String password) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", securedAddress);
        properties.put("security.protocol", "SASL_SSL");
        properties.put("sasl.mechanism", "SCRAM-SHA-512");
        properties.put("sasl.jaas.config", jaasConfig(user, password));
        properties.put("ssl.truststore.type", "PEM");
        properties.put("ssl.truststore.location", caCertificate.toString());
        return properties;
    }

    private Admin admin() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", cluster.bootstrapServers());
        return Admin.create(properties);
    }


    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
