package io.exchangepulse.platform;

import io.exchangepulse.domain.Exchange;
import io.exchangepulse.domain.OperationEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The domain's records are written to Kafka by Jackson; a native image must keep their accessors. The
 * registration lives here because the domain package carries no framework types.
 */
@RegisterForReflection(targets = {Exchange.class, OperationEvent.class})
final class DomainReflection {

    private DomainReflection() {
    }
}
