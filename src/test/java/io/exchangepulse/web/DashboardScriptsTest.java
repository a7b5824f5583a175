package io.exchangepulse.web;

import io.exchangepulse.support.ExternalTool;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's own logic (web/test), run by Node's test runner. */
class DashboardScriptsTest {

    @Test
    void theDashboardsUnitTestsPass() throws Exception {
        Path node = ExternalTool.NODE.require();
        assertThat(NodeTests.run(node, List.of("web/test/"), null)).as("node --test web/test/ exit code").isZero();
    }
}
