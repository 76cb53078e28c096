package com.recguard.adapter.sqs;

import com.recguard.service.RecguardService;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Genesys events from an SQS queue (EventBridge rule target), the same envelope as HTTP. Each
 * message is journaled first and deleted from the queue only after that: a crash in between
 * means the message comes back and is journaled again, which the outbox keys make harmless. A
 * malformed message is journaled as REJECTED with its reason, then deleted: it is kept in the
 * journal, not left to loop in the queue. Access is authenticated by the queue's IAM policy.
 */
public final class SqsConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsConsumer.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final RecguardService service;
    private volatile boolean running;
    private Thread thread;

    public SqsConsumer(SqsClient sqs, String queueUrl, RecguardService service) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.service = service;
    }

    /** A client for {@code endpoint} (ElasticMQ, or null for AWS), region and optional static keys. */
    public static SqsClient client(URI endpoint, String region, String accessKey, String secretKey) {
        SqsClientBuilder b = SqsClient.builder().region(Region.of(region));
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        b.credentialsProvider(accessKey == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        return b.build();
    }

    /** One long poll: journals what arrived and deletes it from the queue; returns how many. */
    public int pollOnce(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds)).messages();
        for (Message m : messages) {
            RecguardService.Intake in = service.accept("sqs", m.body(), null);
            if (!in.accepted()) {
                LOG.warn("SQS message {} rejected and kept as journal entry {}: {}", m.messageId(), in.journalId(), in.reason());
            }
            sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
        return messages.size();
    }

    public void start() {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    pollOnce(10);
                } catch (Exception e) {
                    LOG.error("SQS poll failed; retrying", e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "recguard-sqs");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(15_000);
        }
        sqs.close();
    }
}
