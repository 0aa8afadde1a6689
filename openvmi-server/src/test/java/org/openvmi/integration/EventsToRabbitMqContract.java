package org.openvmi.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openvmi.channels.ChannelPauseChanged;
import org.openvmi.integration.internal.BrokerPublisher;
import org.openvmi.security.UserDirectory;
import org.openvmi.testsupport.AlertTestData;
import org.openvmi.testsupport.Fixtures;
import org.openvmi.testsupport.RabbitMqAvailable;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Business events to the REAL RabbitMQ at 127.0.0.1:5672 (ADR 0062). The broker "goes down" by pointing the
 * application's connection factory at a closed local port (the machine's broker is shared and is never stopped);
 * the test's queue is an anonymous auto-delete one bound to the exchange, read through the same connection factory
 * once it points at the broker again. The scheduled publisher is held off (interval 1h): each test runs the
 * publisher's rounds itself. Run on H2 and PostgreSQL.
 */
@ExtendWith(RabbitMqAvailable.class)
@TestPropertySource(
        properties = {
            "openvmi.events.broker-enabled=true",
            "openvmi.events.publish-interval=1h",
            "openvmi.events.batch-size=7",
            "openvmi.events.confirm-timeout=5s",
            "spring.rabbitmq.host=" + RabbitMqAvailable.HOST,
            "spring.rabbitmq.port=" + RabbitMqAvailable.PORT,
            "spring.rabbitmq.connection-timeout=2s"
        })
abstract class EventsToRabbitMqContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    @Autowired
    BrokerPublisher publisher;

    @Autowired
    CachingConnectionFactory connections;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    TopicExchange exchange;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    Queue queue;

    @BeforeEach
    void start() {
        Fixtures.ensure(jdbc, users);
        brokerUp();
        admin.declareExchange(exchange);
        // not exclusive: it outlives the connection resets below; it expires by itself if a test run dies
        queue = QueueBuilder.nonDurable("openvmi.test." + UUID.randomUUID())
                .expires(600_000)
                .build();
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("#"));
        publishAll(); // whatever earlier tests of this context left pending
        drain();
    }

    @AfterEach
    void stop() {
        brokerUp();
        admin.deleteQueue(queue.getName());
    }

    @Test
    void events_written_while_the_broker_is_down_stay_pending_and_are_delivered_once_when_it_is_back()
            throws Exception {
        long before = lastOutboxId();
        brokerDown();
        AlertTestData data = new AlertTestData(mvc, null);
        data.crossSafetyAndWarning();
        data.recover();

        assertThat(publisher.publishPending())
                .as("nothing confirmed while the broker is down")
                .isZero();
        assertThat(publisher.publishPending()).isZero();
        List<Map<String, Object>> mine =
                jdbc.sql("""
                        SELECT event_id, event_type, broker_status, broker_attempts, broker_error
                        FROM event_outbox WHERE id > :before ORDER BY id""").param("before", before).query().listOfRows();
        Set<String> types = new HashSet<>();
        mine.forEach(r -> types.add((String) r.get("event_type")));
        assertThat(types).contains("stock.changed", "alert.raised", "alert.resolved");
        assertThat(mine).allSatisfy(r -> assertThat(r.get("broker_status")).isEqualTo("PENDING"));
        assertThat(mine.get(0).get("broker_error")).as("why it waits").isNotNull();

        brokerUp();
        int published = publishAll();
        assertThat(published).isEqualTo(mine.size());
        assertThat(publisher.publishPending()).as("nothing left").isZero();

        Map<String, Message> received = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Message m : drain()) {
            String id = m.getMessageProperties().getMessageId();
            if (received.put(id, m) != null) {
                duplicates.add(id);
            }
        }
        Set<String> expected = new HashSet<>();
        mine.forEach(r -> expected.add((String) r.get("event_id")));
        assertThat(duplicates).as("each delivered once").isEmpty();
        assertThat(received.keySet()).containsAll(expected);
        for (String id : expected) {
            Message m = received.get(id);
            String body = new String(m.getBody(), StandardCharsets.UTF_8);
            JsonNode envelope = JSON.readTree(body);
            assertThat(envelope.get("id").asString()).isEqualTo(id);
            assertThat(m.getMessageProperties().getReceivedRoutingKey())
                    .isEqualTo(envelope.get("type").asString());
            assertThat(m.getMessageProperties().getType())
                    .isEqualTo(envelope.get("type").asString());
            assertThat((String) m.getMessageProperties().getHeader("x-openvmi-key"))
                    .isEqualTo(envelope.get("key").asString());
            assertThat(EventSchemas.problems(body)).as(body).isEmpty();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_outbox WHERE id > :before AND broker_status <> 'PUBLISHED'")
                        .param("before", before)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_events_of_one_key_arrive_in_the_order_they_happened_across_an_outage_and_many_rounds() throws Exception {
        long before = lastOutboxId();
        AlertTestData a = new AlertTestData(mvc, null);
        AlertTestData b = new AlertTestData(mvc, null);
        brokerDown();
        for (int i = 0; i < 4; i++) {
            a.move("RECEIPT", 1);
            b.move("RECEIPT", 1);
        }
        publisher.publishPending(); // fails: all stay pending
        brokerUp();
        for (int i = 0; i < 4; i++) {
            a.move("ISSUE", 1);
            b.move("RECEIPT", 2);
        }
        publishAll(); // batch size 7: several rounds

        Map<String, List<String>> expected = new LinkedHashMap<>();
        jdbc.sql("SELECT event_id, event_key FROM event_outbox WHERE id > :before ORDER BY id")
                .param("before", before)
                .query((rs, i) -> expected.computeIfAbsent(rs.getString("event_key"), k -> new ArrayList<>())
                        .add(rs.getString("event_id")))
                .list();
        Map<String, List<String>> arrived = new LinkedHashMap<>();
        for (Message m : drain()) {
            String key = m.getMessageProperties().getHeader("x-openvmi-key");
            if (expected.containsKey(key)) {
                arrived.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(m.getMessageProperties().getMessageId());
            }
        }
        String keyA = a.item + "@" + a.warehouse;
        assertThat(expected.get(keyA)).as("stock.changed of item A").hasSizeGreaterThanOrEqualTo(8);
        assertThat(arrived).isEqualTo(expected);
    }

    @Test
    void the_same_fact_is_one_event_and_a_consumer_drops_an_event_sent_again_by_its_id() throws Exception {
        long before = lastOutboxId();
        String channel = Fixtures.unique("CH");
        ChannelPauseChanged paused = new ChannelPauseChanged(
                channel,
                "ITEM-1",
                "PAUSED",
                java.math.BigDecimal.ONE,
                java.math.BigDecimal.TEN,
                java.time.Instant.parse("2026-12-06T10:00:00Z"));
        // the same fact published twice (e.g. a retried use case): one event, one id
        transactions.executeWithoutResult(s -> events.publishEvent(paused));
        transactions.executeWithoutResult(s -> events.publishEvent(paused));
        List<String> ids = jdbc.sql("SELECT event_id FROM event_outbox WHERE id > :before AND event_key = :k")
                .param("before", before)
                .param("k", channel + ":ITEM-1")
                .query(String.class)
                .list();
        assertThat(ids).hasSize(1);
        assertThat(publishAll()).isEqualTo(1);

        // the instance stopped between the broker's confirm and marking the event published: it is sent again
        jdbc.sql("UPDATE event_outbox SET broker_status = 'PENDING', published_at = NULL WHERE event_id = :id")
                .param("id", ids.get(0))
                .update();
        assertThat(publishAll()).isEqualTo(1);

        List<Message> got = drain().stream()
                .filter(m -> ids.get(0).equals(m.getMessageProperties().getMessageId()))
                .toList();
        assertThat(got).as("at least once: the broker has it twice").hasSize(2);
        assertThat(new String(got.get(0).getBody(), StandardCharsets.UTF_8))
                .isEqualTo(new String(got.get(1).getBody(), StandardCharsets.UTF_8));
        assertThat(EventSchemas.problems(new String(got.get(0).getBody(), StandardCharsets.UTF_8)))
                .isEmpty();
        // a consumer that remembers the ids it applied applies it once
        Set<String> applied = new HashSet<>();
        int effects = 0;
        for (Message m : got) {
            if (applied.add(m.getMessageProperties().getMessageId())) {
                effects++;
            }
        }
        assertThat(effects).isEqualTo(1);
    }

    private int publishAll() {
        int total = 0;
        for (int round = 0; round < 200; round++) {
            int n = publisher.publishPending();
            total += n;
            if (n == 0) {
                return total;
            }
        }
        return total;
    }

    private List<Message> drain() {
        List<Message> out = new ArrayList<>();
        Message m;
        while ((m = rabbit.receive(queue.getName(), 500)) != null) {
            out.add(m);
        }
        return out;
    }

    private long lastOutboxId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM event_outbox")
                .query(Long.class)
                .single();
    }

    private void brokerDown() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        // Boot gives the factory its address list, which wins over a port: point the list at the closed port
        connections.setAddresses(RabbitMqAvailable.HOST + ":" + closed);
        connections.resetConnection();
    }

    private void brokerUp() {
        connections.setAddresses(RabbitMqAvailable.HOST + ":" + RabbitMqAvailable.PORT);
        connections.resetConnection();
    }
}
