package com.slaledger.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slaledger.client.LocalTokens;
import com.slaledger.client.SlaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo block is what the demo prints: the demo runs for the block's period against
 * the stack, on 2 December 2026 as the README's run did, and its output is compared line by line.
 * Two things differ between any two runs and are set aside: where the services answer (the
 * stack's test ports are written as the local stack's) and how long posting the observations took.
 */
@ExtendWith(SystemStack.class)
@SystemStack.Pinned(at = "2026-12-02T10:00:00Z")
class DemoReadmeIT {

    private static final Pattern COMMAND = Pattern.compile("\\$ deploy/local/stack demo --period (\\d{4}-\\d{2})");
    private static final Pattern ELAPSED = Pattern.compile("accepted by monitor-service in \\d+\\.\\d s");

    @Test
    void theReadmesDemoBlockIsWhatTheDemoPrints() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int at = -1;
        YearMonth period = null;
        for (int i = 0; i < readme.size() && at < 0; i++) {
            Matcher m = COMMAND.matcher(readme.get(i));
            if (m.matches()) {
                at = i;
                period = YearMonth.parse(m.group(1));
            }
        }
        assertThat(at)
                .as("the README shows a run of deploy/local/stack demo --period YYYY-MM")
                .isNotNegative();
        int end = at + 1;
        while (!readme.get(end).equals("```")) {
            end++;
        }
        String expected = String.join("\n", readme.subList(at + 1, end)) + "\n";

        SlaClient operator = new SlaClient(
                SystemStack.ENDPOINTS, SystemStack.token(new LocalTokens.Grant("demo", "operator", null, null, null)));
        SlaClient approver = new SlaClient(
                SystemStack.ENDPOINTS,
                SystemStack.token(new LocalTokens.Grant("demo-approver", "operator", null, null, null)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            new Demo(operator, approver, period, SystemStack.clock()).run();
        } finally {
            System.setOut(out);
        }
        String actual = printed.toString(StandardCharsets.UTF_8);
        out.print(actual);

        assertThat(normal(actual).lines().toList())
                .containsExactlyElementsOf(normal(expected).lines().toList());
    }

    /** The output with the stack's addresses written as the local stack's, and the elapsed time set aside. */
    private static String normal(String text) {
        SlaClient.Endpoints here = SystemStack.ENDPOINTS;
        SlaClient.Endpoints local = SlaClient.Endpoints.localDefaults();
        return ELAPSED.matcher(text.replace(here.ledger(), local.ledger())
                        .replace(here.notification(), local.notification())
                        .replace(here.monitor(), local.monitor())
                        .replace(here.ticket(), local.ticket())
                        .replace(here.mailApi(), local.mailApi()))
                .replaceAll("accepted by monitor-service in (some) s");
    }
}
