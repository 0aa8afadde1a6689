package org.openvmi.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips RabbitMQ tests, with a visible message, when no broker answers at 127.0.0.1:5672 outside CI. With CI=true
 * they always run (.ci/run starts the broker), so a missing broker fails the build instead of silently skipping.
 */
public class RabbitMqAvailable implements ExecutionCondition {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5672;
    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: RabbitMQ tests always run");
        }
        synchronized (RabbitMqAvailable.class) {
            if (reachable == null) {
                reachable = reachable();
                if (!reachable) {
                    System.err.println("*** RabbitMQ not reachable at " + HOST + ":" + PORT
                            + ": SKIPPING RabbitMQ tests (set CI=true to make them fail instead) ***");
                }
            }
        }
        return reachable
                ? ConditionEvaluationResult.enabled("RabbitMQ reachable")
                : ConditionEvaluationResult.disabled("RabbitMQ not reachable at " + HOST + ":" + PORT);
    }

    static boolean reachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
