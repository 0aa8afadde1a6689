package org.openvmi.shared.embedded;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The embedded default (H2) runs with one writer at a time and compacts its file on a schedule (ADR 0016);
 * PostgreSQL keeps Spring Boot's transaction manager and needs neither.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedH2.class)
class EmbeddedDatabaseConfiguration {

    @Bean
    @ConditionalOnProperty(name = "openvmi.embedded.single-writer", havingValue = "true", matchIfMissing = true)
    WriteGate writeGate(@Value("${openvmi.embedded.writer-timeout:60s}") Duration timeout) {
        return new WriteGate(timeout);
    }

    @Bean
    @ConditionalOnProperty(name = "openvmi.embedded.single-writer", havingValue = "true", matchIfMissing = true)
    PlatformTransactionManager transactionManager(DataSource dataSource, WriteGate gate) {
        return new SingleWriterTransactionManager(dataSource, gate);
    }

    @Bean
    BulkWrites bulkWrites(DataSource dataSource) {
        return new BulkWrites(dataSource);
    }

    @Bean
    @ConditionalOnProperty(name = "openvmi.embedded.compaction", havingValue = "true", matchIfMissing = true)
    EmbeddedStoreMaintenance embeddedStoreMaintenance(
            DataSource dataSource,
            BulkWrites bulkWrites,
            @Value("${openvmi.embedded.compact-fill-rate:60}") int fillRate) {
        return new EmbeddedStoreMaintenance(dataSource, bulkWrites, fillRate, 16 * 1024 * 1024);
    }
}
