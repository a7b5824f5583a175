package io.exchangepulse.audit;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the audit trail names an entry, and what it leaves out of it. */
class AuditPartsTest {

    @Test
    void everyWriteEveryReadOfDataAndTheLiveUpgradeAreAuditedButNotTheContractOrThePages() {
        assertThat(AuditAction.of("POST", "/api/v1/exchanges")).contains(AuditAction.SEND_EXCHANGES);
        assertThat(AuditAction.of("POST", "/api/v1/operations/events")).contains(AuditAction.SEND_OPERATION_EVENTS);
        assertThat(AuditAction.of("PUT", "/api/v1/archive/2005")).contains(AuditAction.IMPORT_ARCHIVE);
        assertThat(AuditAction.of("POST", "/api/v1/counting/gaps/accept")).contains(AuditAction.ACCEPT_COUNTING_GAP);
        assertThat(AuditAction.of("GET", "/api/v1/reports/2008.csv")).contains(AuditAction.READ_REPORT);
        assertThat(AuditAction.of("GET", "/api/v1/audit")).contains(AuditAction.READ_AUDIT);
        assertThat(AuditAction.of("GET", "/api/v1/flows")).contains(AuditAction.READ);
        assertThat(AuditAction.of("GET", "/live")).contains(AuditAction.LIVE_CONNECT);
        assertThat(AuditAction.of("GET", "/logout")).contains(AuditAction.SIGN_OUT);
        assertThat(AuditAction.of("POST", "/back-channel-logout")).contains(AuditAction.SESSION_ENDED_BY_PROVIDER);
        assertThat(AuditAction.of("DELETE", "/api/v1/exchanges")).contains(AuditAction.OTHER_WRITE);
        assertThat(AuditAction.of("GET", "/api/v1/contract")).isEmpty();
        assertThat(AuditAction.of("GET", "/")).isEmpty();
        assertThat(AuditAction.of("GET", "/app/main.js")).isEqualTo(Optional.empty());
    }

    @Test
    void aParameterThatCouldCarryACredentialIsLeftOutAndALongAddressCutShort() {
        assertThat(AuditFilter.bounded("/api/v1/flows?access_token=eyJabc.def&from=2026-12-01T00:00:00Z"))
                .isEqualTo("/api/v1/flows?access_token=…&from=2026-12-01T00:00:00Z");
        assertThat(AuditFilter.bounded("/?code=abc&state=xyz&session_state=s&password=p&client_secret=c&token=t"))
                .isEqualTo("/?code=…&state=…&session_state=…&password=…&client_secret=…&token=…");
        assertThat(AuditFilter.bounded("/api/v1/flows?statement=ok")).isEqualTo("/api/v1/flows?statement=ok");
        assertThat(AuditFilter.bounded("/api/v1/flows?x=" + "a".repeat(1000))).hasSize(513).endsWith("…");
    }

    @Test
    void whereACallerCameFromIsItsHost() {
        assertThat(AuditTrail.host("127.0.0.1:56884")).isEqualTo("127.0.0.1");
        assertThat(AuditTrail.host("[::1]:56884")).isEqualTo("::1");
        assertThat(AuditTrail.host("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(AuditTrail.host("::1")).isEqualTo("::1");
        assertThat(AuditTrail.host(null)).isNull();
    }
}
