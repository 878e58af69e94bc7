package com.slaledger.support.messaging;

import java.io.InputStream;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services talk to the broker that deploy/local starts from {@code kafka.version}; the Quarkus
 * BOM manages an older client. The parent POM pins the client to the broker's version: this test
 * fails when that pin is lost.
 */
class KafkaClientVersionTest {

    @Test
    void theKafkaClientIsTheBrokersVersion() throws Exception {
        String broker = System.getProperty("kafka.version");
        assertThat(broker).as("kafka.version passed by the build").isNotBlank();
        Properties client = new Properties();
        // The client jar's own version file, read from the jar that holds KafkaProducer.
        try (InputStream in =
                KafkaProducer.class.getClassLoader().getResourceAsStream("kafka/kafka-version.properties")) {
            assertThat(in).as("kafka-clients' version file").isNotNull();
            client.load(in);
        }
        assertThat(client.getProperty("version")).isEqualTo(broker);
    }
}
