package io.exchangepulse.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Node's test runner on dashboard tests, its report shown with the build's output. */
final class NodeTests {

    private NodeTests() {
    }

    /** Returns the exit code; {@code transcripts}, if not null, is the folder the transcript test replays. */
    static int run(Path node, List<String> tests, Path transcripts) throws Exception {
        List<String> command = new ArrayList<>(List.of(node.toString(), "--test"));
        command.addAll(tests);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        if (transcripts != null) {
            builder.environment().put("EXCHANGEPULSE_TRANSCRIPTS", transcripts.toAbsolutePath().toString());
        }
        return builder.start().waitFor();
    }
}
