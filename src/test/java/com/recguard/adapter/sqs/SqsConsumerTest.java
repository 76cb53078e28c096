package com.recguard.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.model.Bundle;
import com.recguard.model.LegalHold;
import com.recguard.servers.Processes;
import com.recguard.service.ActionException;
import com.recguard.service.ConversationSource;
import com.recguard.service.PackHolder;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.store.Store;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Events from SQS (ElasticMQ on 127.0.0.1) are journaled, then removed from the queue; bad ones are kept as REJECTED. */
class SqsConsumerTest {

    @TempDir
    Path tmp;

    @Test
    void messages_are_journaled_then_deleted_and_a_malformed_one_is_kept_with_its_reason() throws Exception {
        int port = Processes.freePort();
        SQSRestServer server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
        server.waitUntilStarted();
        ConversationSource unused = new ConversationSource() {
            public Bundle gather(String id, Instant at, List<LegalHold> holds) throws ActionException {
                throw ActionException.permanent("not used", null);
            }

            public List<String> conversationsEndedBetween(Instant from, Instant to) {
                return List.of();
            }
        };
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("db"))) {
            RecguardService service = new RecguardService(store, new PackHolder(TestPaths.RULES, null), unused, List.of(),
                    new HoldRegisterFile(tmp.resolve("holds.json"), Clock.systemUTC()), null, Clock.systemUTC(),
                    ServiceEvents.NONE, RecguardService.Settings.defaults("n"));
            SqsClient sqs = SqsConsumer.client(URI.create("http://127.0.0.1:" + port), "us-east-1", "x", "x");
            String queue = sqs.createQueue(q -> q.queueName("genesys-events")).queueUrl();
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody("""
                {"detail-type":"v2.detail.events.conversation.{id}.customer.end","detail":{
                 "topicName":"v2.detail.events.conversation.c-sqs.customer.end",
                 "eventBody":{"conversationId":"c-sqs","eventTime":1772443680000}}}"""));
            sqs.sendMessage(m -> m.queueUrl(queue).messageBody("not json"));

            try (SqsConsumer consumer = new SqsConsumer(sqs, queue, service)) {
                int got = 0;
                for (int i = 0; i < 5 && got < 2; i++) {
                    got += consumer.pollOnce(1);
                }
                assertThat(got).isEqualTo(2);
                assertThat(store.events(Store.EventStatus.ACCEPTED, 10)).singleElement()
                        .satisfies(e -> assertThat(e.conversationId()).isEqualTo("c-sqs"));
                assertThat(store.events(Store.EventStatus.REJECTED, 10)).singleElement()
                        .satisfies(e -> assertThat(e.reason()).startsWith("invalid JSON"));
                assertThat(consumer.pollOnce(1)).as("both were deleted from the queue").isZero();
            }
        } finally {
            server.stopAndWait();
        }
    }
}
